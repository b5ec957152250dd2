import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';

import { Chart } from '../shared/Chart';

import './i18n';

export interface ChartHour {
  /** ISO UTC time of the hour's start. */
  hour: string;
  total: number;
  agents: number;
}

/** Local "MM-DD HH:00" of an hour, as the axis and the tables show it. */
export const hourLabel = (hour: string) => dayjs(hour).format('MM-DD HH:00');

/** Expected cases (bars) and agents needed (a line, on its own axis) per hour. */
export function ForecastChart({ hours, height = 260 }: { hours: readonly ChartHour[]; height?: number }) {
  const { t } = useTranslation();
  const cases = t('campaigns.chart.cases');
  const agents = t('campaigns.chart.agents');
  return (
    <Chart
      label={t('campaigns.chart.label')}
      height={height}
      option={{
        tooltip: { trigger: 'axis' },
        legend: { top: 0, data: [cases, agents] },
        grid: { left: 48, right: 48, top: 36, bottom: 48 },
        xAxis: { type: 'category', data: hours.map((each) => hourLabel(each.hour)) },
        yAxis: [
          { type: 'value', name: cases, minInterval: 1 },
          { type: 'value', name: agents, minInterval: 1, splitLine: { show: false } },
        ],
        series: [
          { name: cases, type: 'bar', data: hours.map((each) => Math.round(each.total * 10) / 10) },
          { name: agents, type: 'line', yAxisIndex: 1, step: 'middle', data: hours.map((each) => each.agents) },
        ],
      }}
    />
  );
}
