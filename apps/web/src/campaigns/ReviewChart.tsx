import { useTranslation } from 'react-i18next';

import { Chart } from '../shared/Chart';
import { hourLabel } from './ForecastChart';
import { tenth, type CampaignReview } from './use-review';

import './i18n';

/** Forecast and actual cases per hour (bars), and agents forecast and needed by the actual cases (lines). */
export function ReviewChart({ hours, height = 280 }: { hours: CampaignReview['hours']; height?: number }) {
  const { t } = useTranslation();
  const names = {
    forecast: t('campaigns.review.chart.forecast'),
    actual: t('campaigns.review.chart.actual'),
    forecastAgents: t('campaigns.review.chart.forecastAgents'),
    actualAgents: t('campaigns.review.chart.actualAgents'),
  };
  return (
    <Chart
      label={t('campaigns.review.chart.label')}
      height={height}
      option={{
        tooltip: { trigger: 'axis' },
        legend: { top: 0, data: Object.values(names) },
        grid: { left: 48, right: 48, top: 36, bottom: 48 },
        xAxis: { type: 'category', data: hours.map((each) => hourLabel(each.hour)) },
        yAxis: [
          { type: 'value', name: t('campaigns.chart.cases'), minInterval: 1 },
          { type: 'value', name: t('campaigns.chart.agents'), minInterval: 1, splitLine: { show: false } },
        ],
        series: [
          { name: names.forecast, type: 'bar', data: hours.map((each) => tenth(each.forecast)) },
          { name: names.actual, type: 'bar', data: hours.map((each) => each.actual) },
          {
            name: names.forecastAgents,
            type: 'line',
            yAxisIndex: 1,
            step: 'middle',
            data: hours.map((each) => each.forecastAgents),
          },
          {
            name: names.actualAgents,
            type: 'line',
            yAxisIndex: 1,
            step: 'middle',
            lineStyle: { type: 'dashed' },
            data: hours.map((each) => each.actualAgents),
          },
        ],
      }}
    />
  );
}
