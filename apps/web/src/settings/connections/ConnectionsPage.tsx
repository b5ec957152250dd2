import { message, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import './i18n';

import { ConnectDialog } from './ConnectDialog';
import { ConnectionsTable } from './ConnectionsTable';
import { useConnections, type Shop } from './use-connections';

/** Lead/admin: each shop's marketplace connection — connect, pull now, revoke — and how its pulls go. */
export function ConnectionsPage() {
  const { t } = useTranslation();
  const { rows, shops, connections, connect, pullNow, revoke } = useConnections();
  const [connecting, setConnecting] = useState<Shop | null>(null);
  const open = (shop: Shop) => {
    connect.reset();
    setConnecting(shop);
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="connections">
      <Typography.Title level={2}>{t('connections.title')}</Typography.Title>
      <Typography.Paragraph>{t('connections.intro')}</Typography.Paragraph>
      <ConnectionsTable
        rows={rows}
        loading={shops.isLoading || connections.isLoading}
        pullingId={pullNow.isPending ? (pullNow.variables ?? null) : null}
        onConnect={open}
        onPull={(connection) =>
          pullNow.mutate(connection.id, {
            onSuccess: (answer) => {
              if (answer.outcome === 'pulled') void message.success(t('connections.pulledNow'));
              else if (answer.outcome === 'failed') void message.error(t('connections.pullFailed'));
              else void message.info(t('connections.pullBusy'));
            },
            onError: (error) => void message.error(error.message),
          })
        }
        onRevoke={(connection) =>
          revoke.mutate(connection.id, { onError: (error) => void message.error(error.message) })
        }
      />
      <ConnectDialog
        shop={connecting}
        saving={connect.isPending}
        error={connect.error}
        onSave={(form) =>
          connecting && connect.mutate({ shopId: connecting.id, form }, { onSuccess: () => setConnecting(null) })
        }
        onClose={() => setConnecting(null)}
      />
    </Space>
  );
}
