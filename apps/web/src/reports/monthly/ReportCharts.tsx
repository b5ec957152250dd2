import { Card } from 'antd';
import { useTranslation } from 'react-i18next';

import { outcomeLabel, type ReportOutcome } from '@chaping/domain';

import type { MonthlyReport } from '../../shared/api';
import { Chart } from '../../shared/Chart';
import { useLocale } from '../../shared/use-locale';
import { useCauseName } from './cause-name';

/** Cases per cause, this month next to the previous one. */
export function CausesChart({ data }: { data: MonthlyReport }) {
  const { t } = useTranslation();
  const causeName = useCauseName();
  return (
    <Card title={t('report.causes')}>
      <Chart
        label={t('report.causesChart', { month: data.month })}
        height={Math.max(220, data.causes.length * 36)}
        option={{
          tooltip: { trigger: 'axis' },
          legend: { top: 0, data: [data.month, data.previousMonth] },
          grid: { left: 120, right: 24, top: 36, bottom: 24 },
          xAxis: { type: 'value' },
          yAxis: {
            type: 'category',
            inverse: true,
            data: data.causes.map((row) => causeName(row.rootCause)),
          },
          series: [
            { name: data.month, type: 'bar', data: data.causes.map((row) => row.cases) },
            { name: data.previousMonth, type: 'bar', data: data.causes.map((row) => row.previousCases) },
          ],
        }}
      />
    </Card>
  );
}

/** How the month's cases ended. */
export function OutcomesChart({ data }: { data: MonthlyReport }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <Card title={t('report.outcomes')}>
      <Chart
        label={t('report.outcomes')}
        option={{
          tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
          legend: { bottom: 0 },
          series: [
            {
              type: 'pie',
              radius: ['40%', '68%'],
              data: data.outcomes.map((row) => ({
                name: outcomeLabel(row.outcome as ReportOutcome, locale),
                value: row.cases,
              })),
            },
          ],
        }}
      />
    </Card>
  );
}
