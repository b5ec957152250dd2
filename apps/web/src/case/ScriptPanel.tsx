import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Checkbox, List, Segmented, Space, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import {
  applicableSteps,
  BUYER_REACTIONS,
  formatOrderDate,
  nextStepTransition,
  renderLine,
  salutation,
  stageLabel,
  templateProgress,
  transition,
  type BuyerReaction,
  type CommandContext,
  type CommandResult,
  type Locale,
  type ScriptVariables,
} from '@chaping/domain';

import type { CaseView } from '../shared/api';
import { fetchScript, scriptQueryKey } from './case-queries';
import { caseStateFromView } from './case-state';

interface Props {
  view: CaseView;
  agentName: string;
  ctx: CommandContext;
  why: (result: CommandResult) => string | null;
  /** Takes the stage the script offers; `script` is the template followed, as id@version. */
  onTransition: (to: string, script: string) => void;
  busy: boolean;
}

/**
 * The call script of the case's stage, chosen by root cause and buyer type: what to say, tips,
 * the buyer's possible reactions and check-offs. Completing every step offers the next stage.
 */
export function ScriptPanel({ view, agentName, ctx, why, onTransition, busy }: Props) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language as Locale;
  const selection = { stage: view.stage, rootCause: view.rootCause, buyerType: view.buyerType };
  const script = useQuery({
    queryKey: scriptQueryKey(selection),
    queryFn: () => fetchScript(selection, locale),
    staleTime: 5 * 60_000,
  });
  const template = script.data?.template ?? null;
  const [checked, setChecked] = useState<Record<string, string[]>>({});
  const [reaction, setReaction] = useState<BuyerReaction>('cooperative');
  if (script.isLoading) return <Spin />;
  if (!template) return <Alert type="info" message={t('script.none')} />;

  const key = `${view.id}:${template.id}`;
  const done = checked[key] ?? [];
  const context = { revisionRequestAllowed: ctx.policy.platforms[view.platform].allowsRevisionRequest };
  const steps = applicableSteps(template, context);
  const progress = templateProgress(template, done, context);
  const next = nextStepTransition(template, view.stage, { remedy: view.remedy?.type ?? null });
  const nextRefusal = next && next !== 'recorded' ? why(transition(caseStateFromView(view), { to: next }, ctx)) : null;
  const variables: ScriptVariables = {
    称呼: salutation(null, null, locale),
    买家: view.buyer.nickname,
    商品: view.product?.title ?? view.productModel,
    下单日期: view.order?.orderedAt ? formatOrderDate(new Date(view.order.orderedAt), locale) : null,
    店铺: view.shopName,
    客服: agentName,
  };
  const toggle = (id: string, on: boolean) =>
    setChecked((current) => ({ ...current, [key]: on ? [...done, id] : done.filter((item) => item !== id) }));

  return (
    <Card
      title={
        <Space>
          {t('script.title')}
          <Typography.Text type="secondary">{template.title[locale]}</Typography.Text>
          <Tag>v{template.version}</Tag>
        </Space>
      }
      extra={t('script.progress', { done: progress.done, total: progress.total })}
      data-testid="script-panel"
    >
      <List
        itemLayout="vertical"
        dataSource={steps}
        renderItem={(step) => {
          const branch = step.branches[reaction];
          return (
            <List.Item key={step.id}>
              <Typography.Title level={5}>{step.title[locale]}</Typography.Title>
              {step.lines.map((line, index) => (
                <Typography.Paragraph key={index} className="script-line">
                  “{renderLine(line, variables, locale)}”
                </Typography.Paragraph>
              ))}
              {step.tips.length > 0 && (
                <Alert
                  type="info"
                  showIcon
                  message={t('script.tips')}
                  description={
                    <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                      {step.tips.map((tip, index) => (
                        <li key={index}>{tip[locale]}</li>
                      ))}
                    </ul>
                  }
                />
              )}
              {Object.keys(step.branches).length > 0 && (
                <div style={{ marginTop: 8 }}>
                  <Segmented<BuyerReaction>
                    size="small"
                    value={reaction}
                    onChange={setReaction}
                    options={BUYER_REACTIONS.filter((option) => step.branches[option]).map((option) => ({
                      value: option,
                      label: t(`reaction.${option}`),
                    }))}
                  />
                  {branch?.lines.map((line, index) => (
                    <Typography.Paragraph key={index} style={{ marginTop: 8 }}>
                      “{renderLine(line, variables, locale)}”
                    </Typography.Paragraph>
                  ))}
                  {branch?.suggests && (
                    <Typography.Text type="secondary">
                      {t('script.suggests', {
                        what: t(`scriptAction.${branch.suggests}`, {
                          defaultValue: stageLabel(branch.suggests, locale),
                        }),
                      })}
                    </Typography.Text>
                  )}
                </div>
              )}
              <Space direction="vertical" style={{ marginTop: 8 }}>
                {step.checks.map((check) => (
                  <Checkbox
                    key={check.id}
                    checked={done.includes(check.id)}
                    onChange={(event) => toggle(check.id, event.target.checked)}
                  >
                    {check.text[locale]}
                  </Checkbox>
                ))}
              </Space>
            </List.Item>
          );
        }}
      />
      {next && next !== 'recorded' && (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Button
            type="primary"
            disabled={!progress.complete || nextRefusal !== null || busy}
            onClick={() => onTransition(next, `${template.id}@${template.version}`)}
            data-testid="script-next"
          >
            {t('script.next', { stage: stageLabel(next, locale) })}
          </Button>
          {!progress.complete && <Typography.Text type="secondary">{t('script.completeFirst')}</Typography.Text>}
          {progress.complete && nextRefusal && <Typography.Text type="warning">{nextRefusal}</Typography.Text>}
        </Space>
      )}
    </Card>
  );
}
