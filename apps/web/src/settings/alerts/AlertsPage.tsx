import { Alert, Button, message, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { useMe } from '../../auth/session';

import './i18n';

import { RobotDialog } from './RobotDialog';
import { RobotsTable } from './RobotsTable';
import { ALL_SHOPS, useAlertRobots, type Robot } from './use-alert-robots';

/** Lead: the team chat robots of their shops (admins also one for every shop). */
export function AlertsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const { shops, robots, save, test, remove } = useAlertRobots();
  const [editing, setEditing] = useState<Robot | 'new' | null>(null);

  const open = (robot: Robot | 'new') => {
    save.reset();
    setEditing(robot);
  };
  const shopName = (shopId: string | null) =>
    shopId === null ? t('alerts.allShops') : (shops.data?.find((shop) => shop.id === shopId)?.name ?? '—');
  const shopOptions = [
    ...(me.data?.role === 'admin' ? [{ value: ALL_SHOPS, label: t('alerts.allShops') }] : []),
    ...(shops.data ?? []).map((shop) => ({ value: shop.id, label: shop.name })),
  ];

  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="alert-robots">
      <Typography.Title level={2}>{t('alerts.title')}</Typography.Title>
      <Typography.Paragraph>{t('alerts.intro')}</Typography.Paragraph>
      <Button type="primary" onClick={() => open('new')}>
        {t('alerts.add')}
      </Button>
      {robots.isError && <Alert type="error" message={robots.error.message} />}
      <RobotsTable
        robots={robots.data ?? []}
        loading={robots.isLoading}
        shopName={shopName}
        testingId={test.isPending ? (test.variables ?? null) : null}
        onTest={(robot) =>
          test.mutate(robot.id, {
            onSuccess: (answer) => {
              if (answer.ok) void message.success(t('alerts.testSent'));
              else void message.error(answer.reason ?? t('alerts.failed'));
            },
            onError: (error) => void message.error(error.message),
          })
        }
        onEdit={open}
        onRemove={(robot) => remove.mutate(robot.id, { onError: (error) => void message.error(error.message) })}
      />
      <RobotDialog
        editing={editing}
        shopOptions={shopOptions}
        saving={save.isPending}
        error={save.error}
        onSave={(values) =>
          save.mutate({ robot: editing === 'new' ? null : editing, values }, { onSuccess: () => setEditing(null) })
        }
        onClose={() => setEditing(null)}
      />
    </Space>
  );
}
