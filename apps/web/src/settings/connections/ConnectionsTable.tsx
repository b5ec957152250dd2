import { Button, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

import { platformLabel, type Locale } from '@chaping/domain';

import { canConnect, type Connection, type Shop } from './use-connections';

interface Row {
  shop: Shop;
  connection: Connection | null;
}

interface ConnectionsTableProps {
  rows: Row[];
  loading: boolean;
  pullingId: string | null;
  onConnect: (shop: Shop) => void;
  onPull: (connection: Connection) => void;
  onRevoke: (connection: Connection) => void;
}

/** Every shop with its connection's status: pulls, reviews pulled, the last error in words, token expiry. */
export function ConnectionsTable({ rows, loading, pullingId, onConnect, onPull, onRevoke }: ConnectionsTableProps) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language as Locale;
  const when = (iso: string | null | undefined, otherwise: string) =>
    iso ? new Date(iso).toLocaleString(locale) : otherwise;
  const live = (row: Row) => (row.connection && row.connection.status !== 'revoked' ? row.connection : null);
  return (
    <Table<Row>
      rowKey={(row) => row.shop.id}
      size="small"
      loading={loading}
      dataSource={rows}
      pagination={false}
      columns={[
        {
          title: t('connections.shop'),
          key: 'shop',
          render: (_: unknown, row) => `${row.shop.name}（${platformLabel(row.shop.platform, locale)}）`,
        },
        {
          title: t('connections.status'),
          key: 'status',
          render: (_: unknown, row) =>
            canConnect(row.shop.platform) ? (
              <Tag data-testid="connection-status">{t(`connections.statuses.${row.connection?.status ?? 'none'}`)}</Tag>
            ) : (
              <Typography.Text type="secondary">{t('connections.unsupported')}</Typography.Text>
            ),
        },
        {
          title: t('connections.lastSuccess'),
          key: 'lastSuccess',
          render: (_: unknown, row) => (live(row) ? when(row.connection?.lastSuccessAt, t('connections.never')) : '—'),
        },
        {
          title: t('connections.nextPull'),
          key: 'nextPull',
          render: (_: unknown, row) => (live(row) ? when(row.connection?.nextPullAt, t('connections.stopped')) : '—'),
        },
        {
          title: t('connections.pulled'),
          key: 'pulled',
          render: (_: unknown, row) => (
            <span data-testid="reviews-pulled">{row.connection ? row.connection.reviewsPulled : '—'}</span>
          ),
        },
        {
          title: t('connections.lastError'),
          key: 'lastError',
          render: (_: unknown, row) =>
            row.connection?.lastError ? (
              <Typography.Text type="danger" data-testid="connection-error">
                {row.connection.lastError.message}
              </Typography.Text>
            ) : (
              '—'
            ),
        },
        {
          title: t('connections.tokenExpiry'),
          key: 'tokenExpiry',
          render: (_: unknown, row) =>
            live(row) ? when(row.connection?.tokenExpiresAt, t('connections.unknown')) : '—',
        },
        {
          title: t('connections.actions'),
          key: 'actions',
          render: (_: unknown, row) => {
            if (!canConnect(row.shop.platform)) return null;
            const connection = live(row);
            return (
              <Space wrap>
                <Button size="small" onClick={() => onConnect(row.shop)}>
                  {connection ? t('connections.reconnect') : t('connections.connect')}
                </Button>
                {connection && (
                  <Button size="small" loading={pullingId === connection.id} onClick={() => onPull(connection)}>
                    {t('connections.pullNow')}
                  </Button>
                )}
                {connection && (
                  <Popconfirm
                    title={t('connections.revokeConfirm')}
                    okText={t('connections.revoke')}
                    cancelText={t('actions.cancel')}
                    onConfirm={() => onRevoke(connection)}
                  >
                    <Button size="small" danger>
                      {t('connections.revoke')}
                    </Button>
                  </Popconfirm>
                )}
              </Space>
            );
          },
        },
      ]}
    />
  );
}
