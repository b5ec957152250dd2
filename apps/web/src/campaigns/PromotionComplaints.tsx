import { Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

import { EmptyText } from '../shared/EmptyText';
import { shopTime } from './use-forecast';
import type { CampaignReview } from './use-review';

import './i18n';

type Complaints = CampaignReview['promotionComplaints'];
type PerPromotion = Complaints['promotions'][number];

/**
 * Promotion-rule complaints of the campaign per promotion, counted only where the review names the promotion's title;
 * what could not be attributed is counted and said in words rather than guessed.
 */
export function PromotionComplaints({ complaints }: { complaints: Complaints }) {
  const { t } = useTranslation();
  const notes = [
    complaints.unattributed > 0 && t('campaigns.review.unattributed', { count: complaints.unattributed }),
    complaints.ambiguous > 0 && t('campaigns.review.ambiguous', { count: complaints.ambiguous }),
    complaints.notExamined > 0 && t('campaigns.review.notExamined', { count: complaints.notExamined }),
  ].filter((note): note is string => typeof note === 'string');
  return (
    <div data-testid="promotion-complaints">
      <Typography.Title level={5} style={{ margin: 0 }}>
        {t('campaigns.review.complaints')}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('campaigns.review.complaintsWindow', {
          from: shopTime(complaints.windowStart),
          to: shopTime(complaints.windowEnd),
          total: complaints.total,
        })}{' '}
        {t('campaigns.review.attribution')}
      </Typography.Paragraph>
      <Table<PerPromotion>
        size="small"
        rowKey="promotionId"
        dataSource={complaints.promotions}
        pagination={false}
        locale={{ emptyText: <EmptyText>{t('campaigns.review.noPromotions')}</EmptyText> }}
        columns={[
          { title: t('campaigns.review.promotion'), dataIndex: 'title', key: 'title' },
          { title: t('campaigns.review.cases'), dataIndex: 'cases', key: 'cases', align: 'right' },
        ]}
      />
      {notes.map((note) => (
        <Typography.Paragraph key={note} style={{ margin: 0 }}>
          {note}
        </Typography.Paragraph>
      ))}
    </div>
  );
}
