import { Alert, Card, Space, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

import { PromotionComplaints } from './PromotionComplaints';
import { ReviewChart } from './ReviewChart';
import { ReviewHoursTable } from './ReviewHoursTable';
import { shopTime } from './use-forecast';
import { tenth, useCampaignReview } from './use-review';

import './i18n';

/** After the campaign: forecast vs actual cases and agents by hour, the totals, and complaints per promotion. */
export function ReviewSection({ campaignId }: { campaignId: string }) {
  const { t } = useTranslation();
  const review = useCampaignReview(campaignId);
  const data = review.data;
  return (
    <Card title={t('campaigns.review.title')} data-testid="review-section">
      {review.isError ? (
        <Alert type="warning" showIcon message={review.error.message} />
      ) : !data ? (
        <Spin />
      ) : (
        <Space direction="vertical" style={{ width: '100%' }}>
          {!data.complete && (
            <Alert
              type="info"
              showIcon
              data-testid="review-incomplete"
              message={t('campaigns.review.incomplete', { asOf: shopTime(data.asOf) })}
            />
          )}
          <Typography.Text strong data-testid="review-totals">
            {t('campaigns.review.totals', {
              forecast: tenth(data.forecastTotal),
              actual: data.actualTotal,
              fromCampaign: data.actualFromCampaignOrdersTotal,
            })}
          </Typography.Text>
          <Typography.Text data-testid="review-agents">
            {t('campaigns.review.agents', {
              forecast: Math.max(0, ...data.hours.map((hour) => hour.forecastAgents)),
              actual: Math.max(0, ...data.hours.map((hour) => hour.actualAgents)),
            })}
          </Typography.Text>
          {data.hours.length === 0 ? (
            <Typography.Text type="secondary">{t('campaigns.forecast.noHours')}</Typography.Text>
          ) : (
            <>
              <ReviewChart hours={data.hours} />
              <ReviewHoursTable hours={data.hours} />
            </>
          )}
          <PromotionComplaints complaints={data.promotionComplaints} />
        </Space>
      )}
    </Card>
  );
}
