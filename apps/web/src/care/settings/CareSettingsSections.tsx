import { Card, Checkbox, InputNumber, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

import { CONTACT_CHANNELS, MAX_CARE_DAY, type CareSettings, type ContactChannel } from '@chaping/domain';

interface SectionProps {
  settings: CareSettings;
  onChange: (patch: Partial<CareSettings>) => void;
  disabled: boolean;
}

const DEFAULT_HIGH_VALUE_FEN = 50_000;
const DEFAULT_NEGATIVE_RATE = 0.05;

/** Which orders get care: any of the reasons ticked chooses an order. */
export function SelectionSection({ settings, onChange, disabled }: SectionProps) {
  const { t } = useTranslation();
  const highValue = settings.highValueAboveFen;
  const rate = settings.skuNegativeRateAbove;
  return (
    <Card title={t('care.settings.whichOrders')}>
      <Space direction="vertical">
        <Typography.Text type="secondary">{t('care.settings.whichOrdersHint')}</Typography.Text>
        <Checkbox
          checked={settings.firstTimeBuyers}
          disabled={disabled}
          onChange={(event) => onChange({ firstTimeBuyers: event.target.checked })}
        >
          {t('care.reason.first_time_buyer')}
        </Checkbox>
        <Space wrap>
          <Checkbox
            checked={highValue !== null}
            disabled={disabled}
            onChange={(event) => onChange({ highValueAboveFen: event.target.checked ? DEFAULT_HIGH_VALUE_FEN : null })}
          >
            {t('care.settings.highValue')}
          </Checkbox>
          <InputNumber
            aria-label={t('care.settings.highValueYuan')}
            value={highValue === null ? null : highValue / 100}
            disabled={disabled || highValue === null}
            min={0}
            precision={2}
            addonAfter={t('care.settings.yuan')}
            onChange={(yuan) => onChange({ highValueAboveFen: Math.round((yuan ?? 0) * 100) })}
          />
        </Space>
        <Space wrap>
          <Checkbox
            checked={rate !== null}
            disabled={disabled}
            onChange={(event) =>
              onChange({ skuNegativeRateAbove: event.target.checked ? DEFAULT_NEGATIVE_RATE : null })
            }
          >
            {t('care.settings.negativeRate')}
          </Checkbox>
          <InputNumber
            aria-label={t('care.settings.negativeRatePercent')}
            value={rate === null ? null : Math.round(rate * 1000) / 10}
            disabled={disabled || rate === null}
            precision={1}
            addonAfter="%"
            onChange={(percent) => onChange({ skuNegativeRateAbove: (percent ?? 0) / 100 })}
          />
        </Space>
        <Checkbox
          checked={settings.lateDeliveries}
          disabled={disabled}
          onChange={(event) => onChange({ lateDeliveries: event.target.checked })}
        >
          {t('care.reason.late_delivery')}
        </Checkbox>
      </Space>
    </Card>
  );
}

/** The days after delivery on which a care contact falls due. */
export function ScheduleSection({ settings, onChange, disabled }: SectionProps) {
  const { t } = useTranslation();
  return (
    <Card title={t('care.settings.schedule')}>
      <Space direction="vertical" style={{ width: '100%' }}>
        <label htmlFor="care-days">{t('care.settings.scheduleHint')}</label>
        <Select
          id="care-days"
          mode="multiple"
          style={{ width: '100%', maxWidth: 480 }}
          disabled={disabled}
          value={settings.scheduleDays}
          onChange={(days: number[]) => onChange({ scheduleDays: [...days].sort((a, b) => a - b) })}
          options={Array.from({ length: MAX_CARE_DAY }, (_, index) => ({
            value: index + 1,
            label: t('care.day', { day: index + 1 }),
          }))}
        />
      </Space>
    </Card>
  );
}

/** The channels care messages may go out on. */
export function ChannelsSection({ settings, onChange, disabled }: SectionProps) {
  const { t } = useTranslation();
  return (
    <Card title={t('care.settings.channels')}>
      <Space direction="vertical">
        <Typography.Text type="secondary">{t('care.settings.channelsHint')}</Typography.Text>
        <Checkbox.Group
          aria-label={t('care.settings.channels')}
          disabled={disabled}
          value={settings.channels}
          onChange={(channels) => onChange({ channels: channels as ContactChannel[] })}
          options={CONTACT_CHANNELS.map((channel) => ({ value: channel, label: t(`channel.${channel}`) }))}
        />
      </Space>
    </Card>
  );
}
