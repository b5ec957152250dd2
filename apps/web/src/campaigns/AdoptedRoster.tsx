import { Alert, Space, Table, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { adoptedShiftStatus, type AdoptedShiftStatus } from '@chaping/domain';

import { EmptyText } from '../shared/EmptyText';
import { useNow } from '../shared/use-now';
import { AdoptRosterButton } from './AdoptRosterButton';
import { ToneTag } from './ToneTag';
import { shopDay, shopSpan, type CampaignForecast } from './use-forecast';
import { useAdoptedRoster, type AdoptedShift } from './use-roster';

import './i18n';

/** Tags that read at 4.5:1 or better: pale tones for on shift and missed, the theme's blue (white text) for starting. */
function StatusTag({ status, children }: { status: AdoptedShiftStatus; children: ReactNode }) {
  if (status === 'onShift') return <ToneTag tone="success">{children}</ToneTag>;
  if (status === 'missed') return <ToneTag tone="warning">{children}</ToneTag>;
  return <Tag color={status === 'starting' ? '#1554ad' : undefined}>{children}</Tag>;
}

/**
 * The roster a lead adopted (who the app puts on shift when, shop time) beside the forecast's roster: leads adopt it
 * and open the by-hour KPI view of the peak day; agents read it.
 */
export function AdoptedRoster({
  campaignId,
  shopId,
  planned,
  mayAdopt,
  peakStartsAt,
}: {
  campaignId: string;
  shopId: string;
  planned: CampaignForecast['roster']['shifts'];
  mayAdopt: boolean;
  peakStartsAt: string;
}) {
  const { t } = useTranslation();
  const now = useNow(60_000);
  const { adopted, adopt } = useAdoptedRoster(campaignId);
  const shifts = adopted.data?.shifts ?? [];
  const peakDay = shopDay(peakStartsAt);
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="adopted-roster">
      <Typography.Title level={5} style={{ margin: 0 }}>
        {t('campaigns.adopted.title')}
      </Typography.Title>
      <Typography.Text type="secondary">{t('campaigns.adopted.explain')}</Typography.Text>
      {mayAdopt && <AdoptRosterButton shifts={planned} adopt={adopt} adoptedBefore={shifts.length > 0} />}
      {adopted.isError && <Alert type="warning" showIcon message={adopted.error.message} />}
      <Table<AdoptedShift>
        size="small"
        rowKey="id"
        loading={adopted.isLoading}
        data-testid="adopted-shifts"
        dataSource={shifts}
        locale={{ emptyText: <EmptyText>{t('campaigns.adopted.none')}</EmptyText> }}
        pagination={{ pageSize: 12, hideOnSinglePage: true }}
        columns={[
          {
            title: t('campaigns.forecast.shift'),
            key: 'shift',
            render: (_, shift) => shopSpan(shift.start, shift.end),
          },
          { title: t('campaigns.adopted.agent'), key: 'agent', render: (_, shift) => shift.agent.displayName },
          {
            title: t('campaigns.adopted.status'),
            key: 'status',
            render: (_, shift) => {
              const status = adoptedShiftStatus(shift, new Date(now).toISOString());
              return <StatusTag status={status}>{t(`campaigns.adopted.statuses.${status}`)}</StatusTag>;
            },
          },
        ]}
      />
      {mayAdopt && (
        <Link to={`/kpis?day=${peakDay}&shopId=${shopId}`} data-testid="peak-kpis">
          {t('campaigns.adopted.peakKpis', { day: peakDay })}
        </Link>
      )}
    </Space>
  );
}
