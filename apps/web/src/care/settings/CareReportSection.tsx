import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

import { SHOP_TIME_ZONE } from '@chaping/domain';

import { api, unwrap } from '../../shared/api-client';
import { EmptyText } from '../../shared/EmptyText';

import '../i18n';

type CareMonth = Awaited<ReturnType<typeof fetchReport>>['months'][number];

/** The last six months of delivery, this one included, as YYYY-MM in China. */
function lastSixMonths(now = new Date()): { from: string; to: string } {
  const [year, month] = new Intl.DateTimeFormat('en-CA', { timeZone: SHOP_TIME_ZONE })
    .format(now)
    .split('-')
    .map(Number) as [number, number];
  const start = new Date(Date.UTC(year, month - 6, 1));
  const label = (date: Date) => `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, '0')}`;
  return { from: label(start), to: label(new Date(Date.UTC(year, month - 1, 1))) };
}

const fetchReport = (shopId: string) =>
  unwrap(api.GET('/api/care/report', { params: { query: { shopId, ...lastSixMonths() } } }));

const percent = (rate: number | null) => (rate === null ? '—' : `${(rate * 100).toFixed(1)}%`);

/** Leads: what care did for the shop — cared orders' negative rate against comparable uncared ones. */
export function CareReportSection({ shopId }: { shopId: string }) {
  const { t } = useTranslation();
  const report = useQuery({ queryKey: ['care-report', shopId], queryFn: () => fetchReport(shopId) });
  return (
    <Card title={t('care.report.title')} data-testid="care-report">
      <Typography.Paragraph type="secondary">
        {t('care.report.intro', {
          review: report.data?.minutesPerReviewCase ?? 20,
          care: report.data?.minutesPerCaredOrder ?? 3,
        })}
      </Typography.Paragraph>
      {report.isError && <Alert type="error" showIcon message={report.error.message} />}
      <Table<CareMonth>
        rowKey="month"
        size="small"
        pagination={false}
        loading={report.isLoading}
        dataSource={report.data?.months ?? []}
        locale={{ emptyText: <EmptyText>{t('care.report.empty')}</EmptyText> }}
        columns={[
          { title: t('care.report.month'), dataIndex: 'month' },
          { title: t('care.report.cared'), dataIndex: 'ordersCared' },
          { title: t('care.report.problems'), dataIndex: 'problemsFound' },
          { title: t('care.report.caredRate'), dataIndex: 'caredNegativeRate', render: percent },
          {
            title: t('care.report.uncaredRate'),
            dataIndex: 'comparableUncaredNegativeRate',
            render: (rate: number | null, row) =>
              rate === null ? t('care.report.nothingToCompare') : `${percent(rate)}（${row.comparableUncaredOrders}）`,
          },
          {
            title: t('care.report.avoided'),
            dataIndex: 'negativeReviewsAvoided',
            render: (value: number) => value.toFixed(1),
          },
          {
            title: t('care.report.minutesSaved'),
            dataIndex: 'minutesSaved',
            render: (value: number) => Math.round(value),
          },
        ]}
      />
    </Card>
  );
}
