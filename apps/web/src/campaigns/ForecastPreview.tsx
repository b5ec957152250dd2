import { Alert, Card, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

import {
  agentsNeeded,
  DEFAULT_REVIEW_DELAY,
  forecastCases,
  isRefusal,
  refusalMessage,
  type HourlyOrders,
  type RootCause,
} from '@chaping/domain';

import { useLocale } from '../shared/use-locale';
import { ForecastChart, type ChartHour } from './ForecastChart';

import './i18n';

interface Props {
  expectedOrders: readonly HourlyOrders[];
  negativeRateByCause: Partial<Record<RootCause, number>>;
  minutesPerCase: number;
}

/** The forecast of the form as it stands, computed in the browser with the domain's own functions. */
export function ForecastPreview({ expectedOrders, negativeRateByCause, minutesPerCase }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const result = useMemo(() => {
    const forecast = forecastCases({
      ordersByHour: expectedOrders,
      negativeRateByCause,
      reviewDelay: DEFAULT_REVIEW_DELAY,
    });
    if (isRefusal(forecast)) return forecast;
    const agents = agentsNeeded(
      forecast.hours.map((hour) => hour.total),
      minutesPerCase,
    );
    if (isRefusal(agents)) return agents;
    const hours: ChartHour[] = forecast.hours.map((hour, index) => ({ ...hour, agents: agents[index]! }));
    return { hours, total: forecast.total, peakAgents: Math.max(0, ...agents) };
  }, [expectedOrders, negativeRateByCause, minutesPerCase]);

  const orders = expectedOrders.reduce((sum, entry) => sum + entry.orders, 0);
  return (
    <Card size="small" title={t('campaigns.preview.title')} data-testid="forecast-preview">
      <Typography.Paragraph type="secondary">{t('campaigns.preview.hint')}</Typography.Paragraph>
      {isRefusal(result) ? (
        <Alert type="warning" showIcon message={refusalMessage(result, locale)} />
      ) : orders === 0 ? (
        <Typography.Text type="secondary">{t('campaigns.preview.nothing')}</Typography.Text>
      ) : (
        <>
          <Typography.Paragraph strong>
            {t('campaigns.preview.summary', { cases: Math.round(result.total), agents: result.peakAgents })}
          </Typography.Paragraph>
          <ForecastChart hours={result.hours} height={220} />
        </>
      )}
    </Card>
  );
}
