import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { Alert, Badge, Button, Input, Select, Space, Table, Tabs, Tag, Tooltip, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';

import {
  formatTimeLeft,
  PLATFORMS,
  ROOT_CAUSES,
  rootCauseLabel,
  SEVERITIES,
  stageLabel,
  urgencyKind,
  urgencyKindLabel,
  type Platform,
  type RootCause,
  type Severity,
} from '@chaping/domain';

import { useMe } from '../auth/session';
import { type CaseSummary } from '../shared/api';
import { api, unwrap } from '../shared/api-client';
import { Countdown } from '../shared/Countdown';
import { EmptyText } from '../shared/EmptyText';
import { ShortcutHelp } from '../shared/ShortcutHelp';
import { SEVERITY_COLORS } from '../shared/tag-colors';
import { useLocale } from '../shared/use-locale';
import { useNow } from '../shared/use-now';
import { BulkReassign } from './BulkReassign';
import { CauseCell } from './CauseCell';
import { ClaimButton } from './ClaimButton';
import { DrillFilters } from './DrillFilters';
import { SAVED_QUEUE_SEARCH } from './queue-href';
import {
  changeQueueSearch,
  parseQueueSearch,
  queueSearchParams,
  SORTS,
  STATUSES,
  type QueueSearch,
  type Scope,
  type Sort,
  type Status,
} from './queue-search';
import { useClaim } from './use-claim';

import './i18n';

const listQuery = (search: QueueSearch) => ({
  limit: 50,
  ...(search.scope === 'all' ? {} : { assignee: search.scope }),
  status: search.status,
  stage: search.stage ? [search.stage] : undefined,
  shopId: search.shopId,
  platform: search.platform,
  rootCause: search.rootCause,
  severity: search.severity,
  overdue: search.overdue,
  reviewedOn: search.reviewedOn,
  importId: search.importId,
  q: search.q,
});

/** A long review keeps its row one line high; the tooltip shows it whole. */
const ONE_LINE = { display: 'block', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' } as const;

/** The server sorts by urgency; the other orders apply to the rows loaded so far. */
function sortRows(rows: CaseSummary[], sort: Sort): CaseSummary[] {
  if (sort === 'urgency') return rows;
  const direction = sort === 'newest' ? -1 : 1;
  return [...rows].sort((a, b) => direction * (Date.parse(a.reviewedAt) - Date.parse(b.reviewedAt)));
}

/** The search from the URL, or the one the person left the queue with when the URL has none. */
function useQueueSearch(): [QueueSearch, (patch: Partial<QueueSearch>) => void] {
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const plain = params.size === 0;
  useEffect(() => {
    const saved = sessionStorage.getItem(SAVED_QUEUE_SEARCH);
    if (plain && saved) void navigate({ search: saved }, { replace: true });
    // Only on arrival: clearing every filter afterwards must not bring the old ones back.
  }, []);
  // A search that came with the URL (a lead's link, a reload) is the one to come back to as well.
  useEffect(() => {
    if (!plain) sessionStorage.setItem(SAVED_QUEUE_SEARCH, params.toString());
  }, [params, plain]);
  const search = parseQueueSearch(params);
  const update = (patch: Partial<QueueSearch>) => {
    const next = queueSearchParams(changeQueueSearch(search, patch));
    sessionStorage.setItem(SAVED_QUEUE_SEARCH, next.toString());
    setParams(next, { replace: true });
  };
  return [search, update];
}

/** The agent's day: their cases by urgency, the shop pool, the archive, filters and search, by keyboard too. */
export function QueuePage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const navigate = useNavigate();
  const now = useNow(60_000);
  const me = useMe();
  const [search, set] = useQueueSearch();
  const [selected, setSelected] = useState<string[]>([]);
  const [active, setActive] = useState(0);
  const searchBox = useRef<HTMLInputElement>(null);
  const [text, setText] = useState(search.q ?? '');
  useEffect(() => setText(search.q ?? ''), [search.q]);
  const isLead = me.data?.role === 'lead' || me.data?.role === 'admin';
  const agent = me.data?.role === 'agent' ? { id: me.data.id, role: me.data.role } : null;
  const claim = useClaim();
  const { scope } = search;

  const counts = useQuery({
    queryKey: ['case-counts', scope],
    queryFn: () =>
      unwrap(api.GET('/api/cases/counts', { params: { query: scope === 'all' ? {} : { assignee: scope } } })),
    refetchInterval: 60_000,
  });
  const query = useInfiniteQuery({
    queryKey: ['cases', listQuery(search)],
    queryFn: ({ pageParam }) =>
      unwrap(api.GET('/api/cases', { params: { query: { ...listQuery(search), cursor: pageParam || undefined } } })),
    initialPageParam: '',
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
  const shops = useQuery({
    queryKey: ['shops'],
    queryFn: () => unwrap(api.GET('/api/shops')),
    staleTime: 300_000,
  });
  const rows = sortRows(query.data?.pages.flatMap((page) => page.items) ?? [], search.sort);
  const total = counts.data?.byStage.reduce((sum, entry) => sum + entry.count, 0);
  const current = Math.min(active, Math.max(rows.length - 1, 0));

  const move = (step: number) => {
    const next = Math.min(Math.max(current + step, 0), Math.max(rows.length - 1, 0));
    setActive(next);
    const row = rows[next];
    if (row) document.querySelector(`[data-row-key="${row.id}"]`)?.scrollIntoView({ block: 'nearest' });
  };
  const shortcuts = [
    { key: 'j', label: t('queueMore.keys.next'), run: () => move(1) },
    { key: 'k', label: t('queueMore.keys.previous'), run: () => move(-1) },
    {
      key: 'Enter',
      label: t('queueMore.keys.open'),
      run: () => {
        const row = rows[current];
        if (row) void navigate(`/cases/${row.id}`);
      },
    },
    { key: '/', label: t('queueMore.keys.search'), run: () => searchBox.current?.focus() },
    ...(agent
      ? [
          {
            key: 'c',
            label: t('claim.key'),
            run: () => {
              const row = rows[current];
              if (row && row.assigneeId === null && !claim.isPending) claim.mutate(row.id);
            },
          },
        ]
      : []),
  ];

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={2} style={{ margin: 0 }}>
          {t('queue.title')}
        </Typography.Title>
        <ShortcutHelp shortcuts={shortcuts} />
      </Space>
      <Tabs
        activeKey={scope}
        onChange={(key) => set({ scope: key as Scope })}
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
      {search.status === 'open' && (
        <Space wrap aria-label={t('queue.byStage')}>
          <Button type={search.stage ? 'default' : 'primary'} onClick={() => set({ stage: undefined })}>
            {t('queue.allStages')} {total ?? ''}
          </Button>
          {counts.data?.byStage.map((entry) => (
            <Button
              key={entry.stage}
              type={search.stage === entry.stage ? 'primary' : 'default'}
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
      )}
      <DrillFilters search={search} set={set} />
      <Space wrap>
        <Input.Search
          ref={(input) => {
            searchBox.current = input?.input ?? null;
          }}
          allowClear
          value={text}
          onChange={(event) => setText(event.target.value)}
          placeholder={t('queue.search')}
          aria-label={t('queue.search')}
          onSearch={(value) => {
            set({ q: value.trim() || undefined });
            // Back to the list: j/k and Enter work on the results at once.
            searchBox.current?.blur();
          }}
          style={{ width: 280 }}
        />
        <Select<Status>
          value={search.status}
          aria-label={t('queueMore.status.label')}
          style={{ width: 160 }}
          onChange={(status) => set({ status, stage: undefined })}
          options={STATUSES.map((value) => ({ value, label: t(`queueMore.status.${value}`) }))}
        />
        <Select<RootCause>
          allowClear
          value={search.rootCause}
          placeholder={t('queue.columns.rootCause')}
          aria-label={t('queue.columns.rootCause')}
          style={{ width: 160 }}
          onChange={(value) => set({ rootCause: value })}
          options={ROOT_CAUSES.map((value) => ({ value, label: rootCauseLabel(value, locale) }))}
        />
        <Select<string>
          allowClear
          value={search.shopId}
          placeholder={t('queue.columns.shop')}
          aria-label={t('queue.columns.shop')}
          style={{ width: 180 }}
          onChange={(value) => set({ shopId: value })}
          options={(shops.data ?? []).map((shop) => ({ value: shop.id, label: shop.name }))}
        />
        <Select<Platform>
          allowClear
          value={search.platform}
          placeholder={t('queue.columns.platform')}
          aria-label={t('queue.columns.platform')}
          style={{ width: 120 }}
          onChange={(value) => set({ platform: value })}
          options={PLATFORMS.map((value) => ({ value, label: t(`platform.${value}`) }))}
        />
        <Select<Severity>
          allowClear
          value={search.severity}
          placeholder={t('queue.columns.severity')}
          aria-label={t('queue.columns.severity')}
          style={{ width: 120 }}
          onChange={(value) => set({ severity: value })}
          options={SEVERITIES.map((value) => ({ value, label: t(`severity.${value}`) }))}
        />
        <Select<Sort>
          value={search.sort}
          aria-label={t('queueMore.sort.label')}
          style={{ width: 170 }}
          onChange={(sort) => set({ sort })}
          options={SORTS.map((value) => ({ value, label: t(`queueMore.sort.${value}`) }))}
        />
      </Space>
      {isLead && <BulkReassign caseIds={selected} onDone={() => setSelected([])} />}
      {query.isError && <Alert type="error" message={t('error')} description={String(query.error.message)} />}
      <Table<CaseSummary>
        rowKey="id"
        size="middle"
        tableLayout="fixed"
        scroll={{ x: 1280 }}
        rowSelection={
          isLead
            ? {
                selectedRowKeys: selected,
                onChange: (keys) => setSelected(keys.map(String)),
                getCheckboxProps: (row) => ({ title: t('queueMore.select', { buyer: row.buyerNickname }) }),
              }
            : undefined
        }
        onRow={(row, index) => ({
          'aria-current': index === current ? 'true' : undefined,
          style: index === current ? { outline: '2px solid #1554ad', outlineOffset: -2 } : undefined,
          onClick: () => setActive(index ?? 0),
          'data-testid': index === current ? 'queue-current-row' : undefined,
        })}
        loading={query.isLoading}
        dataSource={rows}
        pagination={false}
        locale={{
          emptyText: (
            <EmptyText>
              {search.status === 'open' && !search.q ? t('queue.empty') : t('queueMore.emptyArchive')}
            </EmptyText>
          ),
        }}
        columns={[
          {
            title: t('queueMore.deadline'),
            dataIndex: 'urgencyAt',
            width: 150,
            render: (_: string, row) =>
              row.stage === 'recorded' ? (
                <Tag>{t('queueMore.closed')}</Tag>
              ) : (
                <Space direction="vertical" size={0}>
                  <Typography.Text type="secondary">{urgencyKindLabel(urgencyKind(row), locale)}</Typography.Text>
                  <Countdown to={row.urgencyAt} />
                </Space>
              ),
          },
          {
            title: t('queue.columns.stage'),
            dataIndex: 'stage',
            width: 100,
            render: (stage: CaseSummary['stage']) => <Tag>{stageLabel(stage, locale)}</Tag>,
          },
          {
            title: t('queue.columns.severity'),
            dataIndex: 'severity',
            width: 90,
            render: (severity: CaseSummary['severity']) => (
              <Tag color={SEVERITY_COLORS[severity]}>{t(`severity.${severity}`)}</Tag>
            ),
          },
          {
            title: t('queueMore.rating'),
            dataIndex: 'rating',
            width: 80,
            render: (rating: CaseSummary['rating']) => t(`rating.${rating}`),
          },
          {
            title: t('queue.columns.platform'),
            dataIndex: 'platform',
            width: 80,
            render: (platform: CaseSummary['platform']) => t(`platform.${platform}`),
          },
          { title: t('queue.columns.shop'), dataIndex: 'shopName', width: 130, ellipsis: true },
          { title: t('queue.columns.buyer'), dataIndex: 'buyerNickname', width: 120, ellipsis: true },
          {
            title: t('queue.columns.review'),
            dataIndex: 'reviewText',
            ellipsis: { showTitle: false },
            render: (text: string, row) => (
              <Tooltip title={text} placement="topLeft">
                <Link to={`/cases/${row.id}`} style={ONE_LINE}>
                  {text}
                </Link>
              </Tooltip>
            ),
          },
          {
            title: t('queueMore.reviewAge'),
            dataIndex: 'reviewedAt',
            width: 110,
            render: (reviewedAt: string) => (
              <span title={new Date(reviewedAt).toLocaleString(locale)}>
                {t('queueMore.ago', { age: formatTimeLeft(new Date(reviewedAt), new Date(now), locale).text })}
              </span>
            ),
          },
          {
            title: t('queue.columns.rootCause'),
            dataIndex: 'rootCause',
            width: 150,
            render: (cause: CaseSummary['rootCause'], row) => <CauseCell cause={cause} row={row} locale={locale} />,
          },
          {
            title: t('queue.columns.assignee'),
            dataIndex: 'assigneeName',
            width: 110,
            ellipsis: true,
            render: (name: string | null, row) =>
              name ??
              (agent && row.stage !== 'recorded' ? (
                <ClaimButton row={row} actor={agent} locale={locale} busy={claim.isPending} onClaim={claim.mutate} />
              ) : (
                <Tag>{t('queue.pool')}</Tag>
              )),
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
