import { useInfiniteQuery } from '@tanstack/react-query';
import { Alert, Button, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { stageLabel, type Locale } from '@chaping/domain';

import { getJson, type CasePage, type CaseSummary } from '../shared/api';

const SEVERITY_COLORS = { low: 'default', medium: 'blue', high: 'orange', critical: 'red' } as const;

export function QueuePage() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language as Locale;
  const query = useInfiniteQuery({
    queryKey: ['cases', locale],
    queryFn: ({ pageParam }) =>
      getJson<CasePage>(`/api/cases?limit=50${pageParam ? `&cursor=${pageParam}` : ''}`, locale),
    initialPageParam: '',
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
  const rows = query.data?.pages.flatMap((page) => page.items) ?? [];
  const now = Date.now();

  return (
    <>
      <Typography.Title level={2}>{t('queue.title')}</Typography.Title>
      {query.isError && <Alert type="error" message={t('error')} description={String(query.error.message)} />}
      <Table<CaseSummary>
        rowKey="id"
        loading={query.isLoading}
        dataSource={rows}
        pagination={false}
        locale={{ emptyText: t('queue.empty') }}
        columns={[
          {
            title: t('queue.columns.urgency'),
            dataIndex: 'urgencyAt',
            render: (value: string) => (
              <span style={{ color: Date.parse(value) < now ? '#a8071a' : undefined }}>
                {new Date(value).toLocaleString(locale)}
              </span>
            ),
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
            title: t('queue.columns.assignee'),
            dataIndex: 'assigneeName',
            render: (name: string | null) => name ?? t('queue.pool'),
          },
        ]}
      />
      {query.hasNextPage && (
        <Button style={{ marginTop: 16 }} loading={query.isFetchingNextPage} onClick={() => void query.fetchNextPage()}>
          {t('queue.loadMore')}
        </Button>
      )}
    </>
  );
}
