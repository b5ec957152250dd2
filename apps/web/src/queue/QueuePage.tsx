import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { Alert, Badge, Button, Input, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import {
  PLATFORMS,
  ROOT_CAUSES,
  rootCauseLabel,
  SEVERITIES,
  stageLabel,
  type Platform,
  type RootCause,
  type Severity,
  type Stage,
} from '@chaping/domain';

import { useMe } from '../auth/session';
import { type CaseSummary } from '../shared/api';
import { api, unwrap } from '../shared/api-client';
import { Countdown } from '../shared/Countdown';
import { EmptyText } from '../shared/EmptyText';
import { SEVERITY_COLORS } from '../shared/tag-colors';
import { useLocale } from '../shared/use-locale';
import { BulkReassign } from './BulkReassign';

type Scope = 'me' | 'none' | 'all';

interface Filters {
  stage?: Stage;
  shopId?: string;
  rootCause?: RootCause;
  platform?: Platform;
  severity?: Severity;
  q?: string;
}

const listQuery = (scope: Scope, filters: Filters) => ({
  limit: 50,
  ...(scope === 'all' ? {} : { assignee: scope }),
  ...filters,
  stage: filters.stage ? [filters.stage] : undefined,
});

/** The agent's day: their cases by urgency, the shop pool, counters per stage, filters and search. */
export function QueuePage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const me = useMe();
  const [scope, setScope] = useState<Scope>('me');
  const [filters, setFilters] = useState<Filters>({});
  const [selected, setSelected] = useState<string[]>([]);
  const isLead = me.data?.role === 'lead' || me.data?.role === 'admin';
  const set = (patch: Filters) => setFilters((current) => ({ ...current, ...patch }));

  const counts = useQuery({
    queryKey: ['case-counts', scope],
    queryFn: () =>
      unwrap(api.GET('/api/cases/counts', { params: { query: scope === 'all' ? {} : { assignee: scope } } })),
    refetchInterval: 60_000,
  });
  const query = useInfiniteQuery({
    queryKey: ['cases', scope, filters],
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/api/cases', { params: { query: { ...listQuery(scope, filters), cursor: pageParam || undefined } } }),
      ),
    initialPageParam: '',
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
  const shops = useQuery({
    queryKey: ['shops'],
    queryFn: () => unwrap(api.GET('/api/shops')),
    staleTime: 300_000,
  });
  const rows = query.data?.pages.flatMap((page) => page.items) ?? [];
  const total = counts.data?.byStage.reduce((sum, entry) => sum + entry.count, 0);

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        {t('queue.title')}
      </Typography.Title>
      <Tabs
        activeKey={scope}
        onChange={(key) => setScope(key as Scope)}
        items={[
          { key: 'me', label: t('queue.mine') },
          {
            key: 'none',
            label: (
              <Space size={4}>
                {t('queue.pool')}
                <Badge count={counts.data?.pool ?? 0} showZero color="#595959" />
              </Space>
            ),
          },
          ...(me.data?.role === 'agent' ? [] : [{ key: 'all', label: t('queue.all') }]),
        ]}
      />
      <Space wrap aria-label={t('queue.byStage')}>
        <Button type={filters.stage ? 'default' : 'primary'} onClick={() => set({ stage: undefined })}>
          {t('queue.allStages')} {total ?? ''}
        </Button>
        {counts.data?.byStage.map((entry) => (
          <Button
            key={entry.stage}
            type={filters.stage === entry.stage ? 'primary' : 'default'}
            onClick={() => set({ stage: entry.stage })}
            data-testid={`stage-count-${entry.stage}`}
          >
            {stageLabel(entry.stage, locale)} {entry.count}
          </Button>
        ))}
        {(counts.data?.overdueFirstContact ?? 0) > 0 && (
          <Tag color="red">{t('queue.overdue', { count: counts.data?.overdueFirstContact })}</Tag>
        )}
      </Space>
      <Space wrap>
        <Input.Search
          allowClear
          placeholder={t('queue.search')}
          aria-label={t('queue.search')}
          onSearch={(value) => set({ q: value.trim() || undefined })}
          style={{ width: 280 }}
        />
        <Select
          allowClear
          placeholder={t('queue.columns.rootCause')}
          aria-label={t('queue.columns.rootCause')}
          style={{ width: 160 }}
          onChange={(value?: RootCause) => set({ rootCause: value })}
          options={ROOT_CAUSES.map((value) => ({ value, label: rootCauseLabel(value, locale) }))}
        />
        <Select
          allowClear
          placeholder={t('queue.columns.shop')}
          aria-label={t('queue.columns.shop')}
          style={{ width: 180 }}
          onChange={(value?: string) => set({ shopId: value })}
          options={(shops.data ?? []).map((shop) => ({ value: shop.id, label: shop.name }))}
        />
        <Select
          allowClear
          placeholder={t('queue.columns.platform')}
          aria-label={t('queue.columns.platform')}
          style={{ width: 120 }}
          onChange={(value?: Platform) => set({ platform: value })}
          options={PLATFORMS.map((value) => ({ value, label: t(`platform.${value}`) }))}
        />
        <Select
          allowClear
          placeholder={t('queue.columns.severity')}
          aria-label={t('queue.columns.severity')}
          style={{ width: 120 }}
          onChange={(value?: Severity) => set({ severity: value })}
          options={SEVERITIES.map((value) => ({ value, label: t(`severity.${value}`) }))}
        />
      </Space>
      {isLead && <BulkReassign caseIds={selected} onDone={() => setSelected([])} />}
      {query.isError && <Alert type="error" message={t('error')} description={String(query.error.message)} />}
      <Table<CaseSummary>
        rowKey="id"
        size="middle"
        rowSelection={
          isLead ? { selectedRowKeys: selected, onChange: (keys) => setSelected(keys.map(String)) } : undefined
        }
        loading={query.isLoading}
        dataSource={rows}
        pagination={false}
        locale={{ emptyText: <EmptyText>{t('queue.empty')}</EmptyText> }}
        columns={[
          {
            title: t('queue.columns.urgency'),
            dataIndex: 'urgencyAt',
            width: 170,
            render: (_: string, row) =>
              row.firstContactAt ? <Countdown to={row.urgencyAt} /> : <Countdown to={row.firstContactDueAt} />,
          },
          {
            title: t('queue.columns.stage'),
            dataIndex: 'stage',
            render: (stage: string) => <Tag>{stageLabel(stage, locale)}</Tag>,
          },
          {
            title: t('queue.columns.severity'),
            dataIndex: 'severity',
            render: (severity: CaseSummary['severity']) => (
              <Tag color={SEVERITY_COLORS[severity]}>{t(`severity.${severity}`)}</Tag>
            ),
          },
          { title: t('queue.columns.shop'), dataIndex: 'shopName' },
          { title: t('queue.columns.buyer'), dataIndex: 'buyerNickname' },
          {
            title: t('queue.columns.review'),
            dataIndex: 'reviewText',
            render: (text: string, row) => <Link to={`/cases/${row.id}`}>{text}</Link>,
          },
          {
            title: t('queue.columns.rootCause'),
            dataIndex: 'rootCause',
            render: (cause: CaseSummary['rootCause']) => (cause ? rootCauseLabel(cause, locale) : '—'),
          },
          {
            title: t('queue.columns.assignee'),
            dataIndex: 'assigneeName',
            render: (name: string | null) => name ?? <Tag>{t('queue.pool')}</Tag>,
          },
        ]}
      />
      {query.hasNextPage && (
        <Button onClick={() => void query.fetchNextPage()} loading={query.isFetchingNextPage}>
          {t('queue.loadMore')}
        </Button>
      )}
    </Space>
  );
}
