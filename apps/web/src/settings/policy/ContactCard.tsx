import { Card, Space } from 'antd';
import { useTranslation } from 'react-i18next';

import { clockTime, number } from './policy-fields';

/** How often and when a buyer may be called. */
export function ContactCard() {
  const { t } = useTranslation();
  return (
    <Card title={t('policy.contact')} size="small">
      <Space wrap size="middle">
        {number(['contact', 'maxPhoneCallsPerCase'], t('policy.fields.contact.maxPhoneCallsPerCase'))}
        {number(['contact', 'minMinutesBetweenPhoneCalls'], t('policy.fields.contact.minMinutesBetweenPhoneCalls'))}
        {number(['contact', 'attemptsBeforeGivingUp'], t('policy.fields.contact.attemptsBeforeGivingUp'))}
        {clockTime(['contact', 'quietHours', 'start'], t('policy.quietFrom'))}
        {clockTime(['contact', 'quietHours', 'end'], t('policy.quietTo'))}
        {clockTime(['contact', 'lunchRest', 'start'], t('policy.lunchFrom'))}
        {clockTime(['contact', 'lunchRest', 'end'], t('policy.lunchTo'))}
        {clockTime(['contact', 'suggestedCallTime'], t('policy.fields.contact.suggestedCallTime'))}
      </Space>
    </Card>
  );
}
