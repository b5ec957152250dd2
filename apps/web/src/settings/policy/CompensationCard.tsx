import { Card, InputNumber, Space, Table } from 'antd';
import { useTranslation } from 'react-i18next';

import { COMPENSATION_TYPES, SEVERITIES } from '@chaping/domain';

import { cell, number, yuanField } from './policy-fields';

/** Compensation limits by type and severity, in yuan, and the per-buyer limits around them. */
export function CompensationCard() {
  const { t } = useTranslation();
  return (
    <Card title={t('policy.compensation')} size="small">
      <Table
        size="small"
        pagination={false}
        rowKey="type"
        dataSource={COMPENSATION_TYPES.map((type) => ({ type }))}
        columns={[
          {
            title: t('policy.type'),
            dataIndex: 'type',
            render: (type: string) => t(`compensationType.${type}`),
          },
          ...SEVERITIES.map((severity) => ({
            title: t(`severity.${severity}`),
            key: severity,
            render: (_: unknown, row: { type: string }) => {
              const label = `${t(`compensationType.${row.type}`)} ${t(`severity.${severity}`)}`;
              return cell(
                ['compensation', 'limitsFen', row.type, severity],
                label,
                <InputNumber min={0} precision={2} prefix="¥" style={{ width: 100 }} aria-label={label} />,
                yuanField,
              );
            },
          })),
        ]}
      />
      <Space wrap size="middle" style={{ marginTop: 12 }}>
        {number(
          ['compensation', 'maxPerBuyerWithoutApproval'],
          t('policy.fields.compensation.maxPerBuyerWithoutApproval'),
        )}
        {number(['compensation', 'buyerPeriodDays'], t('policy.fields.compensation.buyerPeriodDays'))}
        {number(['compensation', 'payoutBusinessDays'], t('policy.fields.compensation.payoutBusinessDays'))}
      </Space>
    </Card>
  );
}
