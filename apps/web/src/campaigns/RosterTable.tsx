import { Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

import { useLocale } from '../shared/use-locale';
import { shopSpan, shopTime, type CampaignForecast } from './use-forecast';

import './i18n';

type Shift = CampaignForecast['roster']['shifts'][number];
type Uncovered = CampaignForecast['roster']['uncovered'][number];

const time = (iso: string) => Date.parse(iso);
const inShift = (shift: Shift, hour: Uncovered) =>
  time(hour.hour) >= time(shift.start) && time(hour.hour) < time(shift.end);

/** The three-shift roster: each shift's hours (shop time), need and agents; hours short of agents marked. */
export function RosterTable({ roster }: { roster: CampaignForecast['roster'] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const shortIn = (shift: Shift) => roster.uncovered.filter((hour) => inShift(shift, hour));
  return (
    <>
      <Typography.Title level={5} style={{ margin: 0 }}>
        {t('campaigns.forecast.roster')}
      </Typography.Title>
      <Typography.Text type={roster.uncovered.length > 0 ? 'danger' : 'success'} data-testid="roster-coverage">
        {roster.uncovered.length > 0
          ? t('campaigns.forecast.uncoveredCount', { count: roster.uncovered.length })
          : t('campaigns.forecast.allCovered')}
      </Typography.Text>
      <Table<Shift>
        size="small"
        rowKey="start"
        data-testid="roster"
        dataSource={[...roster.shifts]}
        pagination={{ pageSize: 12, hideOnSinglePage: true }}
        onRow={(shift) => (shortIn(shift).length > 0 ? { style: { background: '#fff1f0' } } : {})}
        columns={[
          {
            title: t('campaigns.forecast.shift'),
            key: 'shift',
            render: (_, shift) => shopSpan(shift.start, shift.end),
          },
          { title: t('campaigns.forecast.need'), key: 'need', render: (_, shift) => shift.need },
          {
            title: t('campaigns.forecast.agents'),
            key: 'agents',
            render: (_, shift) =>
              shift.agents.length > 0
                ? shift.agents.map((agent) => agent.displayName).join(locale === 'en' ? ', ' : '、')
                : t('campaigns.forecast.nobody'),
          },
          {
            title: t('campaigns.forecast.uncovered'),
            key: 'uncovered',
            render: (_, shift) => {
              const short = shortIn(shift);
              return short.length === 0
                ? '—'
                : short.map((hour) => (
                    <Tag key={hour.hour} color="error">
                      {t('campaigns.forecast.uncoveredHour', { hour: shopTime(hour.hour).slice(6), short: hour.short })}
                    </Tag>
                  ));
            },
          },
        ]}
      />
    </>
  );
}
