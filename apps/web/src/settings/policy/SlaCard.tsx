import { Card, InputNumber, Table } from 'antd';
import { useTranslation } from 'react-i18next';

import { SEVERITIES } from '@chaping/domain';

import { cell } from './policy-fields';

/** Hours to the first contact and to the resolution, by severity. */
export function SlaCard() {
  const { t } = useTranslation();
  return (
    <Card title={t('policy.sla')} size="small" style={{ marginTop: 16 }}>
      <Table
        size="small"
        pagination={false}
        rowKey="severity"
        dataSource={SEVERITIES.map((severity) => ({ severity }))}
        columns={[
          {
            title: t('queue.columns.severity'),
            dataIndex: 'severity',
            render: (s: string) => t(`severity.${s}`),
          },
          ...(['firstContactHours', 'resolutionHours'] as const).map((kind) => ({
            title: t(`policy.${kind}`),
            key: kind,
            render: (_: unknown, row: { severity: string }) => {
              const label = `${t(`policy.${kind}`)} ${t(`severity.${row.severity}`)}`;
              return cell(['sla', kind, row.severity], label, <InputNumber min={0} precision={0} aria-label={label} />);
            },
          })),
        ]}
      />
    </Card>
  );
}
