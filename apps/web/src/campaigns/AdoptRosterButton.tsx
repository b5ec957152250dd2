import { Alert, Button, Popconfirm, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

import { refusalMessage, rosterAdoptionRefusal } from '@chaping/domain';

import { useLocale } from '../shared/use-locale';
import { useNow } from '../shared/use-now';
import type { CampaignForecast } from './use-forecast';
import type { useAdoptedRoster } from './use-roster';

import './i18n';

/**
 * A lead adopts the forecast's roster after a confirmation that says what follows (agents put on and off shift by
 * the app); disabled with the same rule the API enforces (rosterAdoptionRefusal) once every shift is over.
 */
export function AdoptRosterButton({
  shifts,
  adopt,
  adoptedBefore,
}: {
  shifts: CampaignForecast['roster']['shifts'];
  adopt: ReturnType<typeof useAdoptedRoster>['adopt'];
  adoptedBefore: boolean;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const now = useNow(60_000);
  const refused = rosterAdoptionRefusal(shifts, new Date(now).toISOString());
  const label = t(adoptedBefore ? 'campaigns.adopted.adoptAgain' : 'campaigns.adopted.adopt');
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {refused ? (
        <Button disabled>{label}</Button>
      ) : (
        <Popconfirm
          title={t('campaigns.adopted.confirmTitle')}
          description={<div style={{ maxWidth: 360 }}>{t('campaigns.adopted.confirm')}</div>}
          okText={t('campaigns.adopted.confirmOk')}
          cancelText={t('campaigns.adopted.cancel')}
          onConfirm={() => adopt.mutate()}
        >
          <Button type="primary" loading={adopt.isPending}>
            {label}
          </Button>
        </Popconfirm>
      )}
      {refused && (
        <Typography.Text type="secondary" data-testid="adopt-refused">
          {refusalMessage(refused, locale)}
        </Typography.Text>
      )}
      {adopt.isError && <Alert type="error" showIcon message={adopt.error.message} />}
    </Space>
  );
}
