import { Alert, Card, Space, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

import { AdoptedRoster } from './AdoptedRoster';
import { ForecastBasis } from './ForecastBasis';
import { ForecastChart } from './ForecastChart';
import { RosterTable } from './RosterTable';
import { useForecast } from './use-forecast';

import './i18n';

/** The server's forecast of the campaign: cases and agents per hour, where the figures come from, the roster. */
export function ForecastSection({
  campaignId,
  shopId,
  mayAdopt,
  peakStartsAt,
}: {
  campaignId: string;
  shopId: string;
  /** Leads adopt the roster; agents read it. */
  mayAdopt: boolean;
  peakStartsAt: string;
}) {
  const { t } = useTranslation();
  const forecast = useForecast(campaignId);
  const data = forecast.data;
  const planned = forecast.isError || data?.hours.length === 0 ? [] : data?.roster.shifts;
  return (
    <Card title={t('campaigns.forecast.title')} data-testid="forecast-section">
      <Space direction="vertical" style={{ width: '100%' }}>
        {forecast.isError ? (
          <Alert type="warning" showIcon message={forecast.error.message} />
        ) : !data ? (
          <Spin />
        ) : data.hours.length === 0 ? (
          <Typography.Text type="secondary">{t('campaigns.forecast.noHours')}</Typography.Text>
        ) : (
          <>
            <Typography.Text strong data-testid="forecast-summary">
              {t('campaigns.forecast.total', { total: Math.round(data.total) })}
              {t('campaigns.forecast.separator')}
              {t('campaigns.forecast.peakAgents', { count: data.peakAgents })}
            </Typography.Text>
            <ForecastBasis forecast={data} />
            <ForecastChart hours={data.hours} />
            <RosterTable roster={data.roster} />
          </>
        )}
        {/* A roster adopted earlier stays in sight even when today's forecast is refused or empty. */}
        {planned && (
          <AdoptedRoster
            campaignId={campaignId}
            shopId={shopId}
            planned={planned}
            mayAdopt={mayAdopt}
            peakStartsAt={peakStartsAt}
          />
        )}
      </Space>
    </Card>
  );
}
