import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Col,
  Form,
  Input,
  InputNumber,
  message,
  Row,
  Space,
  Switch,
  Table,
  Tooltip,
  Typography,
} from 'antd';
import type { TFunction } from 'i18next';
import diff from 'microdiff';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

import {
  checkPolicy,
  COMPENSATION_TYPES,
  DEFAULT_POLICY,
  KPI_METRICS,
  PLATFORMS,
  SEVERITIES,
  type Locale,
  type Platform,
  type Policy,
  type PolicyProblem,
} from '@chaping/domain';

import { useMe } from '../auth/session';
import { fetchPolicy, POLICY_QUERY } from '../case/case-queries';
import { getJson, putJson, type PolicyChange } from '../shared/api';
import { EmptyText } from '../shared/EmptyText';
import { yuan } from '../shared/money';
import { SaveWithNote } from './SaveWithNote';

const HISTORY_QUERY = ['policy', 'history'] as const;

/** Whether the policy with one setting changed would break a legal or platform line, and why. */
function refusalOf(policy: Policy, path: string[], value: unknown): PolicyProblem | null {
  const candidate = structuredClone(policy) as unknown as Record<string, unknown>;
  let node = candidate;
  path.slice(0, -1).forEach((key) => (node = node[key] as Record<string, unknown>));
  node[path.at(-1) as string] = value;
  return checkPolicy(candidate).find((problem) => problem.field === path.join('.')) ?? null;
}

/** A policy setting's name for people, e.g. 补偿限额 · 现金 · 高 for compensation.limitsFen.cash.high. */
function settingLabel(path: string, t: TFunction): string {
  const [group, key, ...rest] = path.split('.');
  if (group === 'compensation' && key === 'limitsFen')
    return `${t('policy.compensation')} · ${t(`compensationType.${rest[0]}`)} · ${t(`severity.${rest[1]}`)}`;
  if (group === 'sla') return `${t(`policy.${key}`)} · ${t(`severity.${rest[0]}`)}`;
  if (group === 'platforms') return `${t(`platform.${key}`)} · ${t(`policy.${rest[0]}`)}`;
  if (group === 'assignment') return t('policy.weight', { severity: t(`severity.${rest[0]}`) });
  if (group === 'kpi') return `${t('policy.kpiWeights')} · ${t(`kpi.metrics.${rest[0]}`)}`;
  if (group === 'contact' && (key === 'quietHours' || key === 'lunchRest'))
    return t(`policy.${key === 'quietHours' ? 'quiet' : 'lunch'}${rest[0] === 'start' ? 'From' : 'To'}`);
  return t(`policy.fields.${path}`, { defaultValue: path });
}

/** The settings that differ between two policies, as "setting: old → new" lines. */
function ChangeList({ before, after, testId }: { before: Policy; after: Policy | undefined; testId?: string }) {
  const { t } = useTranslation();
  return (
    <ul style={{ margin: 0, paddingInlineStart: 18 }} data-testid={testId}>
      {(after ? diff(before, after) : []).map((change) => {
        const path = change.path.join('.');
        const shown = (value: unknown) =>
          path.startsWith('compensation.limitsFen.') ? yuan(Number(value)) : String(value);
        return (
          <li key={path}>
            {settingLabel(path, t)}: {'oldValue' in change ? shown(change.oldValue) : '—'} →{' '}
            {'value' in change ? shown(change.value) : '—'}
          </li>
        );
      })}
    </ul>
  );
}

/** Limits are stored in fen and edited in yuan. */
const yuanField = {
  getValueProps: (fen: number | undefined) => ({ value: fen === undefined ? undefined : fen / 100 }),
  normalize: (yuan: number | null) => (yuan === null ? yuan : Math.round(yuan * 100)),
};

const number = (path: (string | number)[], label: string, extra: Record<string, unknown> = {}) => (
  <Form.Item name={path} label={label} {...extra}>
    <InputNumber min={0} precision={0} aria-label={label} style={{ width: 140 }} />
  </Form.Item>
);

const clockTime = (path: string[], label: string) => (
  <Form.Item name={path} label={label}>
    <Input aria-label={label} placeholder="HH:mm" style={{ width: 100 }} />
  </Form.Item>
);

/**
 * Team lead: the policy values of DESIGN §4 — contact limits, quiet hours, compensation limits,
 * SLAs, platform windows, retention. Checked as you type by the same rules the API applies;
 * every change is kept with who, when and why.
 */
export function PolicyPage() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language as Locale;
  const me = useMe();
  const client = useQueryClient();
  const [form] = Form.useForm<Policy>();
  const [note, setNote] = useState('');
  const policy = useQuery({ queryKey: POLICY_QUERY, queryFn: () => fetchPolicy(locale) });
  const history = useQuery({
    queryKey: HISTORY_QUERY,
    queryFn: () => getJson<PolicyChange[]>('/api/policy/history', locale),
  });
  useEffect(() => {
    if (policy.data) form.setFieldsValue(structuredClone(policy.data));
  }, [policy.data, form]);

  const watched = Form.useWatch([], { form, preserve: true }) as Partial<Policy> | undefined;
  // Until the loaded policy reaches the form, the watched values are empty.
  const edited = watched?.platforms ? (watched as Policy) : undefined;
  const problems = edited ? checkPolicy(edited) : [];
  const changes = edited && policy.data ? diff(policy.data, edited) : [];
  const save = useMutation({
    mutationFn: () => putJson<Policy>('/api/policy', { policy: edited, note }, locale),
    onSuccess: (saved) => {
      void message.success(t('policy.saved'));
      setNote('');
      client.setQueryData(POLICY_QUERY, saved);
      void client.invalidateQueries({ queryKey: HISTORY_QUERY });
    },
  });
  const problemText = (problem: PolicyProblem) =>
    `${settingLabel(problem.field, t)}: ${locale === 'zh-CN' ? problem.messageZh : problem.message}`;
  const canEdit = me.data?.role === 'lead' || me.data?.role === 'admin';
  const saveBlocked =
    problems.length > 0
      ? t('policy.fixProblems')
      : changes.length === 0
        ? t('policy.noChanges')
        : note.trim().length < 4
          ? t('policy.noteNeeded')
          : null;

  if (!policy.data) return policy.isError ? <Alert type="error" message={policy.error.message} /> : null;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        {t('policy.title')}
      </Typography.Title>
      <Form form={form} layout="vertical" disabled={!canEdit} data-testid="policy-form">
        <Row gutter={16}>
          <Col xs={24} lg={12}>
            <Card title={t('policy.contact')} size="small">
              <Space wrap size="middle">
                {number(['contact', 'maxPhoneCallsPerCase'], t('policy.fields.contact.maxPhoneCallsPerCase'))}
                {number(
                  ['contact', 'minMinutesBetweenPhoneCalls'],
                  t('policy.fields.contact.minMinutesBetweenPhoneCalls'),
                )}
                {number(['contact', 'attemptsBeforeGivingUp'], t('policy.fields.contact.attemptsBeforeGivingUp'))}
                {clockTime(['contact', 'quietHours', 'start'], t('policy.quietFrom'))}
                {clockTime(['contact', 'quietHours', 'end'], t('policy.quietTo'))}
                {clockTime(['contact', 'lunchRest', 'start'], t('policy.lunchFrom'))}
                {clockTime(['contact', 'lunchRest', 'end'], t('policy.lunchTo'))}
                {clockTime(['contact', 'suggestedCallTime'], t('policy.fields.contact.suggestedCallTime'))}
              </Space>
            </Card>
            <Card title={t('policy.sla')} size="small" style={{ marginTop: 16 }}>
              <Table
                size="small"
                pagination={false}
                rowKey="severity"
                dataSource={SEVERITIES.map((severity) => ({ severity }))}
                columns={[
                  {
                    title: t('queue.columns.severity'),
                    dataIndex: 'severity',
                    render: (s: string) => t(`severity.${s}`),
                  },
                  ...(['firstContactHours', 'resolutionHours'] as const).map((kind) => ({
                    title: t(`policy.${kind}`),
                    key: kind,
                    render: (_: unknown, row: { severity: string }) => (
                      <Form.Item name={['sla', kind, row.severity]} noStyle>
                        <InputNumber
                          min={0}
                          precision={0}
                          aria-label={`${t(`policy.${kind}`)} ${t(`severity.${row.severity}`)}`}
                        />
                      </Form.Item>
                    ),
                  })),
                ]}
              />
            </Card>
            <Card title={t('policy.other')} size="small" style={{ marginTop: 16 }}>
              <Space wrap size="middle">
                {number(['reply', 'maxLength'], t('policy.fields.reply.maxLength'))}
                {number(['privacy', 'retentionDaysAfterClose'], t('policy.fields.privacy.retentionDaysAfterClose'))}
                {SEVERITIES.map((severity) =>
                  number(
                    ['assignment', 'severityWeights', severity],
                    t('policy.weight', { severity: t(`severity.${severity}`) }),
                    { key: severity },
                  ),
                )}
              </Space>
            </Card>
            <Card title={t('policy.kpiWeights')} size="small" style={{ marginTop: 16 }}>
              <Space wrap size="middle">
                {KPI_METRICS.map((metric) =>
                  number(['kpi', 'weights', metric], t(`kpi.metrics.${metric}`), { key: metric }),
                )}
              </Space>
            </Card>
          </Col>
          <Col xs={24} lg={12}>
            <Card title={t('policy.compensation')} size="small">
              <Table
                size="small"
                pagination={false}
                rowKey="type"
                dataSource={COMPENSATION_TYPES.map((type) => ({ type }))}
                columns={[
                  {
                    title: t('policy.type'),
                    dataIndex: 'type',
                    render: (type: string) => t(`compensationType.${type}`),
                  },
                  ...SEVERITIES.map((severity) => ({
                    title: t(`severity.${severity}`),
                    key: severity,
                    render: (_: unknown, row: { type: string }) => (
                      <Form.Item name={['compensation', 'limitsFen', row.type, severity]} noStyle {...yuanField}>
                        <InputNumber
                          min={0}
                          precision={2}
                          prefix="¥"
                          style={{ width: 100 }}
                          aria-label={`${t(`compensationType.${row.type}`)} ${t(`severity.${severity}`)}`}
                        />
                      </Form.Item>
                    ),
                  })),
                ]}
              />
              <Space wrap size="middle" style={{ marginTop: 12 }}>
                {number(
                  ['compensation', 'maxPerBuyerWithoutApproval'],
                  t('policy.fields.compensation.maxPerBuyerWithoutApproval'),
                )}
                {number(['compensation', 'buyerPeriodDays'], t('policy.fields.compensation.buyerPeriodDays'))}
                {number(['compensation', 'payoutBusinessDays'], t('policy.fields.compensation.payoutBusinessDays'))}
              </Space>
            </Card>
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
                    render: (_: unknown, row: { platform: string }) => (
                      <Form.Item name={['platforms', row.platform, window]} noStyle>
                        <InputNumber
                          min={0}
                          precision={0}
                          style={{ width: 80 }}
                          aria-label={`${t(`platform.${row.platform}`)} ${t(`policy.${window}`)}`}
                        />
                      </Form.Item>
                    ),
                  })),
                  {
                    title: t('policy.allowsRevisionRequest'),
                    key: 'allowsRevisionRequest',
                    render: (_: unknown, row: { platform: string }) => {
                      const path = ['platforms', row.platform, 'allowsRevisionRequest'];
                      const refusal = refusalOf(policy.data, path, true);
                      const locked =
                        refusal !== null && !edited?.platforms[row.platform as Platform].allowsRevisionRequest;
                      return (
                        <Tooltip title={locked ? problemText(refusal) : undefined}>
                          <Form.Item name={path} valuePropName="checked" noStyle>
                            <Switch
                              disabled={!canEdit || locked}
                              aria-label={`${t(`platform.${row.platform}`)} ${t('policy.allowsRevisionRequest')}`}
                            />
                          </Form.Item>
                        </Tooltip>
                      );
                    },
                  },
                ]}
              />
            </Card>
          </Col>
        </Row>
      </Form>
      {problems.length > 0 && (
        <Alert
          type="warning"
          showIcon
          message={t('policy.problems')}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 18 }} data-testid="policy-problems">
              {problems.map((problem) => (
                <li key={problem.field}>{problemText(problem)}</li>
              ))}
            </ul>
          }
        />
      )}
      {canEdit && (
        <Card size="small" title={t('policy.changes', { count: changes.length })}>
          <ChangeList before={policy.data} after={edited} testId="policy-changes" />
          <div style={{ marginTop: 12 }}>
            <SaveWithNote
              note={note}
              onNoteChange={setNote}
              noteLabel={t('policy.note')}
              notePlaceholder={t('policy.notePlaceholder')}
              saveLabel={t('policy.save')}
              onSave={() => save.mutate()}
              saving={save.isPending}
              blockedReason={saveBlocked}
              error={save.error}
              extra={
                <Button onClick={() => form.setFieldsValue(structuredClone(policy.data))}>{t('policy.undo')}</Button>
              }
            />
          </div>
        </Card>
      )}
      <Card size="small" title={t('policy.history')}>
        <Table<PolicyChange>
          rowKey="id"
          size="small"
          loading={history.isLoading}
          dataSource={history.data ?? []}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          locale={{ emptyText: <EmptyText>{t('policy.noHistory')}</EmptyText> }}
          columns={[
            {
              title: t('policy.changedAt'),
              dataIndex: 'changedAt',
              render: (at: string) => new Date(at).toLocaleString(locale),
            },
            { title: t('policy.changedBy'), dataIndex: 'changedByName' },
            { title: t('policy.note'), dataIndex: 'note' },
            {
              title: t('policy.whatChanged'),
              key: 'changes',
              render: (_: unknown, entry, index) => (
                <ChangeList before={history.data?.[index + 1]?.policy ?? DEFAULT_POLICY} after={entry.policy} />
              ),
            },
          ]}
        />
      </Card>
    </Space>
  );
}
