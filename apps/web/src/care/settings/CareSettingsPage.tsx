import { Alert, Button, Card, Select, Space, Spin, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

import { refusalMessage } from '@chaping/domain';

import { useMe } from '../../auth/session';
import { useLocale } from '../../shared/use-locale';

import '../i18n';

import { CareReportSection } from './CareReportSection';
import { ChannelsSection, ScheduleSection, SelectionSection } from './CareSettingsSections';
import { useCareSettings } from './use-care-settings';

/** Lead: which delivered orders of a shop get care, on which days after delivery, on which channels. */
export function CareSettingsPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const me = useMe();
  const { shops, shopId, setShopId, stored, draft, change, problem, changed, save } = useCareSettings();
  const mayEdit = me.data?.role === 'lead' || me.data?.role === 'admin';

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%', maxWidth: 880 }}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        {t('care.settings.title')}
      </Typography.Title>
      <Typography.Paragraph>{t('care.settings.intro')}</Typography.Paragraph>
      <Space wrap>
        <label htmlFor="care-settings-shop">{t('care.settings.shop')}</label>
        <Select
          id="care-settings-shop"
          style={{ minWidth: 240 }}
          value={shopId}
          onChange={setShopId}
          loading={shops.isLoading}
          options={(shops.data ?? []).map((shop) => ({ value: shop.id, label: shop.name }))}
        />
      </Space>
      {stored.isError && <Alert type="error" showIcon message={stored.error.message} />}
      {!draft ? (
        stored.isLoading && <Spin />
      ) : (
        <>
          <Card>
            <Space>
              <Switch
                id="care-enabled"
                checked={draft.enabled}
                onChange={(enabled) => change({ enabled })}
                disabled={!mayEdit}
              />
              <label htmlFor="care-enabled">{t('care.settings.enabled')}</label>
            </Space>
          </Card>
          <SelectionSection settings={draft} onChange={change} disabled={!mayEdit || !draft.enabled} />
          <ScheduleSection settings={draft} onChange={change} disabled={!mayEdit || !draft.enabled} />
          <ChannelsSection settings={draft} onChange={change} disabled={!mayEdit || !draft.enabled} />
          {problem && <Alert type="warning" showIcon message={refusalMessage(problem, locale)} role="alert" />}
          {save.isError && <Alert type="error" showIcon message={save.error.message} />}
          {save.isSuccess && !changed && <Alert type="success" showIcon message={t('care.settings.saved')} />}
          {mayEdit ? (
            <Button
              type="primary"
              disabled={!changed || problem !== null}
              loading={save.isPending}
              onClick={() => save.mutate(draft)}
            >
              {t('care.settings.save')}
            </Button>
          ) : (
            <Typography.Text type="secondary">{t('care.settings.leadsOnly')}</Typography.Text>
          )}
        </>
      )}
      {mayEdit && shopId && <CareReportSection shopId={shopId} />}
    </Space>
  );
}
