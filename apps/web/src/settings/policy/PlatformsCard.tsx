import { Card, InputNumber, Switch, Table, Tooltip } from 'antd';
import { useContext } from 'react';
import { useTranslation } from 'react-i18next';

import { checkPolicy, PLATFORMS, type Platform, type Policy, type PolicyProblem } from '@chaping/domain';

import { cell, MarksContext } from './policy-fields';

/** Whether the policy with one setting changed would break a legal or platform line, and why. */
function refusalOf(policy: Policy, path: string[], value: unknown): PolicyProblem | null {
  const candidate = structuredClone(policy) as unknown as Record<string, unknown>;
  let node = candidate;
  path.slice(0, -1).forEach((key) => (node = node[key] as Record<string, unknown>));
  node[path.at(-1) as string] = value;
  return checkPolicy(candidate).find((problem) => problem.field === path.join('.')) ?? null;
}

interface PlatformsCardProps {
  inForce: Policy;
  edited: Policy | undefined;
  problemText: (problem: PolicyProblem) => string;
}

/**
 * Each platform's windows and whether a revision may be asked for: the switch is locked, with the
 * reason, where the platform forbids it (the same rule the API applies).
 */
export function PlatformsCard({ inForce, edited, problemText }: PlatformsCardProps) {
  const { t } = useTranslation();
  const { canEdit } = useContext(MarksContext);
  return (
    <Card title={t('policy.platforms')} size="small" style={{ marginTop: 16 }}>
      <Table
        size="small"
        pagination={false}
        rowKey="platform"
        dataSource={PLATFORMS.map((platform) => ({ platform }))}
        columns={[
          {
            title: t('queue.columns.platform'),
            dataIndex: 'platform',
            render: (p: string) => t(`platform.${p}`),
          },
          ...(['revisionWindowDays', 'followUpWindowDays', 'appealWindowDays'] as const).map((window) => ({
            title: t(`policy.${window}`),
            key: window,
            render: (_: unknown, row: { platform: string }) => {
              const label = `${t(`platform.${row.platform}`)} ${t(`policy.${window}`)}`;
              return cell(
                ['platforms', row.platform, window],
                label,
                <InputNumber min={0} precision={0} style={{ width: 80 }} aria-label={label} />,
              );
            },
          })),
          {
            title: t('policy.allowsRevisionRequest'),
            key: 'allowsRevisionRequest',
            render: (_: unknown, row: { platform: string }) => {
              const path = ['platforms', row.platform, 'allowsRevisionRequest'];
              const refusal = refusalOf(inForce, path, true);
              const locked = refusal !== null && !edited?.platforms[row.platform as Platform].allowsRevisionRequest;
              const label = `${t(`platform.${row.platform}`)} ${t('policy.allowsRevisionRequest')}`;
              return (
                <Tooltip title={locked ? problemText(refusal) : undefined}>
                  {cell(path, label, <Switch disabled={!canEdit || locked} aria-label={label} />, {
                    valuePropName: 'checked',
                  })}
                </Tooltip>
              );
            },
          },
        ]}
      />
    </Card>
  );
}
