import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Col,
  ConfigProvider,
  Form,
  Input,
  InputNumber,
  message,
  Row,
  Select,
  Space,
  Switch,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import type { TFunction } from 'i18next';
import diff from 'microdiff';
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

import {
  checkPolicy,
  checkPolicyOverride,
  COMPENSATION_TYPES,
  DEFAULT_POLICY,
  isShopPolicyField,
  KPI_METRICS,
  overriddenFields,
  PLATFORMS,
  SEVERITIES,
  shopOverrideFrom,
  type Locale,
  type Platform,
  type Policy,
  type PolicyProblem,
} from '@chaping/domain';

import { useMe } from '../auth/session';
import { getJson, putJson, type PolicyChange, type PolicyLevel, type Shop } from '../shared/api';
import { EmptyText } from '../shared/EmptyText';
import { yuan } from '../shared/money';
import { SaveWithNote } from './SaveWithNote';

const levelKey = (shopId: string | null) => ['policy', 'level', shopId] as const;
const historyKey = (shopId: string | null) => ['policy', 'history', shopId] as const;
const withShop = (url: string, shopId: string | null) => (shopId ? `${url}?shopId=${encodeURIComponent(shopId)}` : url);

/** What the fields need to know about the level being edited: a shop's own values, and how to reset one. */
interface LevelMarks {
  shopMode: boolean;
  overridden: ReadonlySet<string>;
  reset: (field: string) => void;
}
const MarksContext = createContext<LevelMarks>({ shopMode: false, overridden: new Set(), reset: () => undefined });

/**
 * Beside a value on a shop's page: "this shop" with a reset to the organisation's value, or
 * "organisation-wide" for the values only admins set for every shop. Inherited values show nothing.
 */
function FieldMark({ field, label }: { field: string; label: string }) {
  const { t } = useTranslation();
  const { shopMode, overridden, reset } = useContext(MarksContext);
  if (!shopMode) return null;
  if (!isShopPolicyField(field)) return <Tag>{t('policy.organisationWide')}</Tag>;
  if (!overridden.has(field)) return null;
  return (
    <Space size={0}>
      <Tag color="blue">{t('policy.thisShop')}</Tag>
      <Button size="small" type="link" onClick={() => reset(field)} aria-label={`${t('policy.reset')} ${label}`}>
        {t('policy.reset')}
      </Button>
    </Space>
  );
}

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
function ChangeList({ before, after, testId }: { before: object; after: object | undefined; testId?: string }) {
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

/** A field's label with its mark on a shop's page. */
const marked = (path: string[], label: string): ReactNode => (
  <Space size={4}>
    {label}
    <FieldMark field={path.join('.')} label={label} />
  </Space>
);

const number = (path: string[], label: string, extra: Record<string, unknown> = {}) => (
  <Form.Item name={path} label={marked(path, label)} {...extra}>
    <InputNumber min={0} precision={0} aria-label={label} style={{ width: 140 }} />
  </Form.Item>
);

const clockTime = (path: string[], label: string) => (
  <Form.Item name={path} label={marked(path, label)}>
    <Input aria-label={label} placeholder="HH:mm" style={{ width: 100 }} />
  </Form.Item>
);

/** A value in a table cell with its mark on a shop's page. */
const cell = (path: string[], label: string, input: ReactNode, extra: Record<string, unknown> = {}) => (
  <Space size={4}>
    <Form.Item name={path} noStyle {...extra}>
      {input}
    </Form.Item>
    <FieldMark field={path.join('.')} label={label} />
  </Space>
);

/**
 * The policy values of DESIGN §4 — contact limits, quiet hours, compensation limits, SLAs,
 * platform windows, retention — for one level: the organisation's default (admins) or one shop's
 * own values over it (the shop's leads), each marked and resettable to the inherited value.
 * Checked as you type by the same rules the API applies; every change is kept with who, when and why.
 */
export function PolicyPage() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language as Locale;
  const me = useMe();
  const client = useQueryClient();
  const [form] = Form.useForm<Policy>();
  const [note, setNote] = useState('');
  const isAdmin = me.data?.role === 'admin';
  const shops = useQuery({ queryKey: ['shops'], queryFn: () => getJson<Shop[]>('/api/shops', locale) });
  const [chosen, setChosen] = useState<string | null | undefined>(undefined);
  // Admins start on the organisation's default, leads on their first shop.
  const shopId = chosen !== undefined ? chosen : isAdmin ? null : (shops.data?.[0]?.id ?? undefined);
  const shopMode = shopId !== null && shopId !== undefined;
  const level = useQuery({
    queryKey: levelKey(shopId ?? null),
    queryFn: () => getJson<PolicyLevel>(withShop('/api/policy/level', shopId ?? null), locale),
    enabled: shopId !== undefined,
  });
  const history = useQuery({
    queryKey: historyKey(shopId ?? null),
    queryFn: () => getJson<PolicyChange[]>(withShop('/api/policy/history', shopId ?? null), locale),
    enabled: shopId !== undefined,
  });
  // The shop's values it keeps setting itself (those saved, less the ones reset to inherited).
  const [kept, setKept] = useState<string[]>([]);
  useEffect(() => {
    if (!level.data) return;
    form.setFieldsValue(structuredClone(level.data.policy));
    setKept(overriddenFields(level.data.own));
  }, [level.data, form]);

  const watched = Form.useWatch([], { form, preserve: true }) as Partial<Policy> | undefined;
  // Until the loaded policy reaches the form, the watched values are empty.
  const edited = watched?.platforms ? (watched as Policy) : undefined;
  const inherited = level.data?.inherited;
  const override = edited && inherited && shopMode ? shopOverrideFrom(edited, inherited, kept) : null;
  const problems = !edited
    ? []
    : override && inherited
      ? checkPolicyOverride(override, inherited)
      : checkPolicy(edited);
  const changes = edited && level.data ? diff(level.data.policy, edited) : [];
  // A reset can change nothing in force (the shop's value equalled the organisation's) yet must be saved.
  const changed =
    changes.length > 0 || (override !== null && level.data ? diff(level.data.own, override).length > 0 : false);
  const overridden = new Set(override ? overriddenFields(override) : []);
  const marks: LevelMarks = {
    shopMode,
    overridden,
    reset: (field) => {
      setKept((fields) => fields.filter((kept) => kept !== field));
      const path = field.split('.');
      const value = path.reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], inherited);
      form.setFieldValue(path as never, value);
    },
  };
  const resetAll = () => {
    setKept([]);
    if (inherited) form.setFieldsValue(structuredClone(inherited));
  };

  const save = useMutation({
    mutationFn: (): Promise<unknown> =>
      shopMode
        ? putJson<PolicyLevel>(`/api/policy/shops/${shopId}`, { policy: override, note }, locale)
        : putJson<Policy>('/api/policy', { policy: edited, note }, locale),
    onSuccess: () => {
      void message.success(t('policy.saved'));
      setNote('');
      // Every level beneath may have changed (the organisation's reaches every shop).
      void client.invalidateQueries({ queryKey: ['policy'] });
    },
  });
  const problemText = (problem: PolicyProblem) =>
    `${settingLabel(problem.field, t)}: ${locale === 'zh-CN' ? problem.messageZh : problem.message}`;
  const canEdit = me.data?.role === 'lead' || isAdmin;
  const saveBlocked =
    problems.length > 0
      ? t('policy.fixProblems')
      : !changed
        ? t('policy.noChanges')
        : note.trim().length < 4
          ? t('policy.noteNeeded')
          : null;
  /** Values only admins set, for every shop: read-only on a shop's page. */
  const orgOnly = (node: ReactNode) => <ConfigProvider componentDisabled={shopMode || !canEdit}>{node}</ConfigProvider>;

  const levels = [
    ...(isAdmin ? [{ value: '', label: t('policy.organisation') }] : []),
    ...(shops.data ?? []).map((shop) => ({ value: shop.id, label: shop.name })),
  ];
  const header = (
    <Space wrap align="center">
      <Typography.Title level={2} style={{ margin: 0 }}>
        {t('policy.title')}
      </Typography.Title>
      <Select
        style={{ minWidth: 220 }}
        aria-label={t('policy.level')}
        loading={shops.isLoading}
        value={shopId === undefined ? undefined : (shopId ?? '')}
        options={levels}
        onChange={(value: string) => {
          setChosen(value === '' ? null : value);
          setNote('');
        }}
      />
    </Space>
  );
  if (!level.data || !inherited) {
    return (
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        {header}
        {level.isError && <Alert type="error" message={level.error.message} />}
      </Space>
    );
  }
  const inForce = level.data.policy;
  return (
    <MarksContext.Provider value={marks}>
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        {header}
        <Alert
          type="info"
          showIcon
          data-testid="policy-level"
          message={shopMode ? t('policy.shopLevel', { count: overridden.size }) : t('policy.organisationLevel')}
          action={
            shopMode && canEdit && overridden.size > 0 ? (
              <Button size="small" onClick={resetAll}>
                {t('policy.resetAll')}
              </Button>
            ) : undefined
          }
        />
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
                      render: (_: unknown, row: { severity: string }) => {
                        const label = `${t(`policy.${kind}`)} ${t(`severity.${row.severity}`)}`;
                        return cell(
                          ['sla', kind, row.severity],
                          label,
                          <InputNumber min={0} precision={0} aria-label={label} />,
                        );
                      },
                    })),
                  ]}
                />
              </Card>
              <Card title={t('policy.other')} size="small" style={{ marginTop: 16 }}>
                <Space wrap size="middle">
                  {number(['reply', 'maxLength'], t('policy.fields.reply.maxLength'))}
                  {orgOnly(
                    number(['privacy', 'retentionDaysAfterClose'], t('policy.fields.privacy.retentionDaysAfterClose')),
                  )}
                  {SEVERITIES.map((severity) =>
                    orgOnly(
                      number(
                        ['assignment', 'severityWeights', severity],
                        t('policy.weight', { severity: t(`severity.${severity}`) }),
                        { key: severity },
                      ),
                    ),
                  )}
                </Space>
              </Card>
              <Card title={t('policy.kpiWeights')} size="small" style={{ marginTop: 16 }}>
                <Space wrap size="middle">
                  {KPI_METRICS.map((metric) =>
                    orgOnly(number(['kpi', 'weights', metric], t(`kpi.metrics.${metric}`), { key: metric })),
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
                      render: (_: unknown, row: { type: string }) => {
                        const label = `${t(`compensationType.${row.type}`)} ${t(`severity.${severity}`)}`;
                        return cell(
                          ['compensation', 'limitsFen', row.type, severity],
                          label,
                          <InputNumber min={0} precision={2} prefix="¥" style={{ width: 100 }} aria-label={label} />,
                          yuanField,
                        );
                      },
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
                        const locked =
                          refusal !== null && !edited?.platforms[row.platform as Platform].allowsRevisionRequest;
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
            <ChangeList before={inForce} after={edited} testId="policy-changes" />
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
                  <Button
                    onClick={() => {
                      form.setFieldsValue(structuredClone(inForce));
                      setKept(overriddenFields(level.data.own));
                    }}
                  >
                    {t('policy.undo')}
                  </Button>
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
            locale={{ emptyText: <EmptyText>{t(shopMode ? 'policy.noShopHistory' : 'policy.noHistory')}</EmptyText> }}
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
                  <ChangeList
                    before={history.data?.[index + 1]?.policy ?? (shopMode ? {} : DEFAULT_POLICY)}
                    after={entry.policy}
                  />
                ),
              },
            ]}
          />
        </Card>
      </Space>
    </MarksContext.Provider>
  );
}
