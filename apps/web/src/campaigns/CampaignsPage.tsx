import { Alert, Button, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { useMe } from '../auth/session';
import { CampaignDetail } from './CampaignDetail';
import { CampaignForm } from './CampaignForm';
import { CampaignList } from './CampaignList';
import { useCampaigns } from './use-campaigns';

import './i18n';

/** Campaign readiness: a shop's campaigns, a new one, or one opened with its checks, quiz and forecast. */
export function CampaignsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const { shops, shopId, setShopId, campaignId, open, list, create } = useCampaigns();
  const [creating, setCreating] = useState(false);
  const mayEdit = me.data?.role === 'lead' || me.data?.role === 'admin';

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%', maxWidth: 1400 }}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        {t('campaigns.title')}
      </Typography.Title>
      <Typography.Paragraph style={{ margin: 0 }}>{t('campaigns.intro')}</Typography.Paragraph>
      <Space wrap>
        <label htmlFor="campaigns-shop">{t('campaigns.shop')}</label>
        <Select
          id="campaigns-shop"
          style={{ minWidth: 240 }}
          value={shopId}
          onChange={setShopId}
          loading={shops.isLoading}
          options={(shops.data ?? []).map((shop) => ({ value: shop.id, label: shop.name }))}
        />
        {mayEdit && !campaignId && !creating && (
          <Button type="primary" onClick={() => setCreating(true)}>
            {t('campaigns.create.open')}
          </Button>
        )}
      </Space>
      {list.isError && <Alert type="error" showIcon message={list.error.message} />}
      {campaignId && me.data ? (
        <CampaignDetail key={campaignId} id={campaignId} me={me.data} onBack={() => open(null)} />
      ) : (
        <>
          {creating && mayEdit && (
            <CampaignForm
              busy={create.isPending}
              error={create.error?.message ?? null}
              onSubmit={(campaign) => create.mutate(campaign, { onSuccess: () => setCreating(false) })}
              onCancel={() => setCreating(false)}
            />
          )}
          <CampaignList items={list.data?.items ?? []} loading={list.isLoading} onOpen={open} />
          {!mayEdit && <Typography.Text type="secondary">{t('campaigns.leadsOnly')}</Typography.Text>}
        </>
      )}
    </Space>
  );
}
