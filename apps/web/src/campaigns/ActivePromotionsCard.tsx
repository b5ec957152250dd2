import { useQuery } from '@tanstack/react-query';
import { Card, List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { api, unwrap } from '../shared/api-client';

import './i18n';

/** The signed-off rules of the shop's running campaigns, pinned in the case view; nothing when none run. */
export function ActivePromotionsCard({ shopId }: { shopId: string }) {
  const { t } = useTranslation();
  const active = useQuery({
    queryKey: ['campaigns-active', shopId],
    queryFn: () => unwrap(api.GET('/api/campaigns/active', { params: { query: { shopId } } })),
    staleTime: 5 * 60_000,
  });
  const items = active.data?.items ?? [];
  if (items.length === 0) return null;
  // One link a running campaign, to its page where the briefing quiz is taken.
  const campaigns = [...new Map(items.map((item) => [item.campaignId, item.campaignName])).entries()];
  return (
    <Card size="small" title={t('campaigns.pin.title')} data-testid="campaign-rules">
      {campaigns.map(([campaignId, name]) => (
        <Link
          key={campaignId}
          to={`/campaigns?${new URLSearchParams({ shopId, campaign: campaignId }).toString()}`}
          style={{ display: 'block' }}
        >
          {t('campaigns.pin.quiz', { name })}
        </Link>
      ))}
      <List
        size="small"
        dataSource={items}
        rowKey="promotionId"
        renderItem={(item) => (
          <List.Item style={{ display: 'block', paddingInline: 0 }}>
            <Typography.Text strong>{item.title}</Typography.Text>
            <Typography.Text type="secondary"> · {item.campaignName}</Typography.Text>
            <Typography.Paragraph style={{ margin: '4px 0 0' }} ellipsis={{ rows: 3, expandable: true }}>
              {item.wording}
            </Typography.Paragraph>
          </List.Item>
        )}
      />
    </Card>
  );
}
