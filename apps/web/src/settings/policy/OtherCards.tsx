import { Card, Space } from 'antd';
import { useTranslation } from 'react-i18next';

import { KPI_METRICS, SEVERITIES } from '@chaping/domain';

import { number, OrgOnly } from './policy-fields';

/** The reply length, retention and assignment weights, then the KPI weights. */
export function OtherCards() {
  const { t } = useTranslation();
  return (
    <>
      <Card title={t('policy.other')} size="small" style={{ marginTop: 16 }}>
        <Space wrap size="middle">
          {number(['reply', 'maxLength'], t('policy.fields.reply.maxLength'))}
          <OrgOnly>
            {number(['privacy', 'retentionDaysAfterClose'], t('policy.fields.privacy.retentionDaysAfterClose'))}
          </OrgOnly>
          {SEVERITIES.map((severity) => (
            <OrgOnly key={severity}>
              {number(
                ['assignment', 'severityWeights', severity],
                t('policy.weight', { severity: t(`severity.${severity}`) }),
              )}
            </OrgOnly>
          ))}
        </Space>
      </Card>
      <Card title={t('policy.kpiWeights')} size="small" style={{ marginTop: 16 }}>
        <Space wrap size="middle">
          {KPI_METRICS.map((metric) => (
            <OrgOnly key={metric}>{number(['kpi', 'weights', metric], t(`kpi.metrics.${metric}`))}</OrgOnly>
          ))}
        </Space>
      </Card>
    </>
  );
}
