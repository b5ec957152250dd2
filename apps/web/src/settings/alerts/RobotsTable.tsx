import { Button, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

import type { AlertTrigger, RobotPlatform } from '@chaping/domain';

import type { Robot } from './use-alert-robots';

interface RobotsTableProps {
  robots: Robot[];
  loading: boolean;
  shopName: (shopId: string | null) => string;
  testingId: string | null;
  onTest: (robot: Robot) => void;
  onEdit: (robot: Robot) => void;
  onRemove: (robot: Robot) => void;
}

/** The robots with where they post, what they are told about and how their last message went. */
export function RobotsTable({ robots, loading, shopName, testingId, onTest, onEdit, onRemove }: RobotsTableProps) {
  const { t, i18n } = useTranslation();
  const when = (iso: string) => new Date(iso).toLocaleString(i18n.language);
  return (
    <Table<Robot>
      rowKey="id"
      size="small"
      loading={loading}
      dataSource={robots}
      pagination={false}
      locale={{ emptyText: t('alerts.empty') }}
      columns={[
        { title: t('alerts.name'), dataIndex: 'name' },
        { title: t('alerts.shop'), key: 'shop', render: (_: unknown, robot: Robot) => shopName(robot.shopId) },
        {
          title: t('alerts.platform'),
          dataIndex: 'platform',
          render: (value: RobotPlatform) => t(`alerts.platforms.${value}`),
        },
        { title: t('alerts.webhook'), dataIndex: 'webhookHost' },
        {
          title: t('alerts.secret'),
          dataIndex: 'secretSet',
          render: (set: boolean) => <Tag>{set ? t('alerts.isSet') : t('alerts.notSet')}</Tag>,
        },
        {
          title: t('alerts.triggers'),
          dataIndex: 'triggers',
          render: (triggers: AlertTrigger[]) =>
            triggers.map((trigger) => <Tag key={trigger}>{t(`alerts.triggerNames.${trigger}`)}</Tag>),
        },
        {
          title: t('alerts.status'),
          key: 'status',
          render: (_: unknown, robot: Robot) =>
            robot.lastError ? (
              <Typography.Text type="danger">
                {t('alerts.failed')}：{robot.lastError}
              </Typography.Text>
            ) : robot.lastSentAt ? (
              t('alerts.lastSent', { at: when(robot.lastSentAt) })
            ) : (
              t('alerts.neverSent')
            ),
        },
        {
          title: '',
          key: 'actions',
          render: (_: unknown, robot: Robot) => (
            <Space size="small">
              <Button size="small" loading={testingId === robot.id} onClick={() => onTest(robot)}>
                {t('alerts.test')}
              </Button>
              <Button size="small" onClick={() => onEdit(robot)}>
                {t('alerts.edit')}
              </Button>
              <Popconfirm
                title={t('alerts.confirmRemove')}
                okText={t('alerts.remove')}
                onConfirm={() => onRemove(robot)}
              >
                <Button size="small" danger>
                  {t('alerts.remove')}
                </Button>
              </Popconfirm>
            </Space>
          ),
        },
      ]}
    />
  );
}
