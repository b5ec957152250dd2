import { Table } from 'antd';
import { useTranslation } from 'react-i18next';

import { EmptyText } from '../shared/EmptyText';
import { shopTime } from './use-forecast';
import { tenth, type CampaignReview } from './use-review';

import './i18n';

type Hour = CampaignReview['hours'][number];

/**
 * The chart's figures for the hours that had cases forecast or cases that came (shop time); hours whose cases needed
 * more agents than were forecast are marked.
 */
export function ReviewHoursTable({ hours }: { hours: CampaignReview['hours'] }) {
  const { t } = useTranslation();
  const busy = hours.filter((hour) => hour.forecast > 0 || hour.actual > 0);
  return (
    <Table<Hour>
      size="small"
      rowKey="hour"
      data-testid="review-hours"
      dataSource={busy}
      pagination={{ pageSize: 12, hideOnSinglePage: true }}
      locale={{ emptyText: <EmptyText>{t('campaigns.review.noCases')}</EmptyText> }}
      onRow={(hour) => (hour.actualAgents > hour.forecastAgents ? { style: { background: '#fff1f0' } } : {})}
      columns={[
        { title: t('campaigns.review.hour'), key: 'hour', render: (_, hour) => shopTime(hour.hour) },
        {
          title: t('campaigns.review.chart.forecast'),
          key: 'forecast',
          align: 'right',
          render: (_, hour) => tenth(hour.forecast),
        },
        { title: t('campaigns.review.chart.actual'), dataIndex: 'actual', key: 'actual', align: 'right' },
        {
          title: t('campaigns.review.fromCampaign'),
          dataIndex: 'actualFromCampaignOrders',
          key: 'fromCampaign',
          align: 'right',
        },
        {
          title: t('campaigns.review.chart.forecastAgents'),
          dataIndex: 'forecastAgents',
          key: 'forecastAgents',
          align: 'right',
        },
        {
          title: t('campaigns.review.chart.actualAgents'),
          key: 'actualAgents',
          align: 'right',
          render: (_, hour) =>
            hour.actualAgents > hour.forecastAgents
              ? t('campaigns.review.short', {
                  agents: hour.actualAgents,
                  short: hour.actualAgents - hour.forecastAgents,
                })
              : hour.actualAgents,
        },
      ]}
    />
  );
}
