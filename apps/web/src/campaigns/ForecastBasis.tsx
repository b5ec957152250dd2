import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';

import { HISTORY_WINDOW_DAYS, MIN_HISTORY_CASES, rootCauseLabel, type RootCause } from '@chaping/domain';

import { useLocale } from '../shared/use-locale';
import { commonestDelay, type CampaignForecast } from './use-forecast';

import './i18n';

/** Where the forecast's figures come from, in words: the shop's history or the campaign's own figures. */
export function ForecastBasis({ forecast }: { forecast: CampaignForecast }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { basis } = forecast;
  const counts = { orders: basis.orders, cases: basis.linkedCases };
  const rates = Object.entries(forecast.negativeRateByCause)
    .filter(([, rate]) => typeof rate === 'number' && rate > 0)
    .map(([cause, rate]) => `${rootCauseLabel(cause as RootCause, locale)} ${((rate as number) * 100).toFixed(2)}%`)
    .join(locale === 'en' ? ', ' : '、');
  return (
    <div data-testid="forecast-basis">
      <Typography.Paragraph style={{ margin: 0 }}>
        {t(basis.rates === 'history' ? 'campaigns.forecast.ratesHistory' : 'campaigns.forecast.ratesCampaign', counts)}
        {basis.rates === 'history' && Math.round(basis.ordersCounted) < basis.orders && (
          <>
            {locale === 'en' ? ' ' : ''}
            {t('campaigns.forecast.ordersCounted', { counted: Math.round(basis.ordersCounted) })}
          </>
        )}
      </Typography.Paragraph>
      {rates && (
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t('campaigns.forecast.rates', { rates })}
        </Typography.Paragraph>
      )}
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t(basis.delay === 'history' ? 'campaigns.forecast.delayHistory' : 'campaigns.forecast.delayDefault', {
          delay: commonestDelay(forecast.reviewDelay),
        })}{' '}
        {t(
          basis.handling === 'measured' ? 'campaigns.forecast.handlingMeasured' : 'campaigns.forecast.handlingCampaign',
          {
            minutes: forecast.minutesPerCase,
            cases: basis.measuredCases,
            days: HISTORY_WINDOW_DAYS,
            min: MIN_HISTORY_CASES,
          },
        )}
      </Typography.Paragraph>
    </div>
  );
}
