import { Card, Empty, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

import { compensationTypeLabel, type CompensationType } from '@chaping/domain';

import type { MonthlyReport } from '../../shared/api';
import { Chart } from '../../shared/Chart';
import { yuan } from '../../shared/money';
import { useLocale } from '../../shared/use-locale';

/** Compensation paid by kind, and the SKUs buyers complained about most. */
export function CompensationCard({ data }: { data: MonthlyReport }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <Card title={t('report.compensation')}>
      {data.compensation.length === 0 ? (
        <Empty description={t('report.noCompensation')} />
      ) : (
        <Chart
          label={t('report.compensation')}
          height={220}
          option={{
            tooltip: { trigger: 'axis' },
            grid: { left: 96, right: 24, top: 16, bottom: 24 },
            xAxis: { type: 'value', axisLabel: { formatter: (fen: number) => yuan(fen) } },
            yAxis: {
              type: 'category',
              data: data.compensation.map((row) => compensationTypeLabel(row.type as CompensationType, locale)),
            },
            series: [{ type: 'bar', data: data.compensation.map((row) => row.amountFen) }],
          }}
        />
      )}
      <Typography.Text type="secondary">
        {t('report.skus')}:{' '}
        {data.topSkus
          .slice(0, 5)
          .map((sku) => `${sku.title} · ${sku.skuName} (${sku.complaints})`)
          .join('；') || '—'}
      </Typography.Text>
    </Card>
  );
}
