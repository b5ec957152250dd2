import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Input, Modal, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { Locale } from '@chaping/domain';

import { type ApiKey, type NewApiKey, type Shop } from '../shared/api';
import { api, unwrap } from '../shared/api-client';

const keysQuery = (shopId: string | null) => ['api-keys', shopId] as const;

/**
 * Admin: a shop's intake API keys. A new or rotated key is shown once, in a dialog, and never
 * again (the server keeps only its hash); revoking stops it at once.
 */
export function ApiKeysSection({ shops }: { shops: Shop[] }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language as Locale;
  const client = useQueryClient();
  const [shopId, setShopId] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [shown, setShown] = useState<NewApiKey | null>(null);
  const [form] = Form.useForm<{ name: string }>();
  const keys = useQuery({
    queryKey: keysQuery(shopId),
    queryFn: () => unwrap(api.GET('/api/shops/{shopId}/api-keys', { params: { path: { shopId: shopId ?? '' } } })),
    enabled: shopId !== null,
  });
  const refresh = () => void client.invalidateQueries({ queryKey: keysQuery(shopId) });
  const showOnce = (key: NewApiKey) => {
    setShown(key);
    refresh();
  };
  const create = useMutation({
    mutationFn: (name: string) =>
      unwrap(api.POST('/api/shops/{shopId}/api-keys', { params: { path: { shopId: shopId ?? '' } }, body: { name } })),
    onSuccess: (key) => {
      setCreating(false);
      form.resetFields();
      showOnce(key);
    },
  });
  const rotate = useMutation({
    mutationFn: (id: string) => unwrap(api.POST('/api/api-keys/{id}/rotate', { params: { path: { id } } })),
    onSuccess: showOnce,
  });
  const revoke = useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE('/api/api-keys/{id}', { params: { path: { id } } })),
    onSuccess: refresh,
  });
  const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString(locale) : '—');

  return (
    <Space direction="vertical" size="small" style={{ width: '100%' }} data-testid="api-keys">
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('apiKeys.title')}
      </Typography.Title>
      <Typography.Text type="secondary">{t('apiKeys.explain')}</Typography.Text>
      <Space>
        <Select
          style={{ minWidth: 260 }}
          placeholder={t('apiKeys.pickShop')}
          aria-label={t('apiKeys.shop')}
          value={shopId}
          onChange={setShopId}
          options={shops.map((shop) => ({ value: shop.id, label: shop.name }))}
        />
        <Button type="primary" disabled={shopId === null} onClick={() => setCreating(true)}>
          {t('apiKeys.create')}
        </Button>
      </Space>
      {[keys, rotate, revoke].map((state, index) =>
        state.isError ? <Alert key={index} type="error" message={state.error?.message} /> : null,
      )}
      {shopId !== null && (
        <Table<ApiKey>
          rowKey="id"
          size="small"
          loading={keys.isLoading}
          dataSource={keys.data ?? []}
          pagination={false}
          columns={[
            { title: t('apiKeys.name'), dataIndex: 'name' },
            {
              title: t('apiKeys.prefix'),
              dataIndex: 'prefix',
              render: (prefix: string | null) => <Typography.Text code>{prefix ? `${prefix}…` : '—'}</Typography.Text>,
            },
            { title: t('apiKeys.createdAt'), dataIndex: 'createdAt', render: when },
            { title: t('apiKeys.lastUsedAt'), dataIndex: 'lastUsedAt', render: when },
            {
              title: t('apiKeys.status'),
              key: 'status',
              render: (_: unknown, key: ApiKey) =>
                key.revokedAt ? (
                  <Tag color="red">{t('apiKeys.revoked', { at: when(key.revokedAt) })}</Tag>
                ) : (
                  <Tag>{t('apiKeys.active')}</Tag>
                ),
            },
            {
              title: '',
              key: 'actions',
              render: (_: unknown, key: ApiKey) =>
                key.revokedAt ? null : (
                  <Space size="small">
                    <Popconfirm
                      title={t('apiKeys.confirmRotate')}
                      okText={t('apiKeys.rotate')}
                      onConfirm={() => rotate.mutate(key.id)}
                    >
                      <Button size="small">{t('apiKeys.rotate')}</Button>
                    </Popconfirm>
                    <Popconfirm
                      title={t('apiKeys.confirmRevoke')}
                      okText={t('apiKeys.revoke')}
                      onConfirm={() => revoke.mutate(key.id)}
                    >
                      <Button size="small" danger>
                        {t('apiKeys.revoke')}
                      </Button>
                    </Popconfirm>
                  </Space>
                ),
            },
          ]}
        />
      )}
      <Modal
        open={creating}
        title={t('apiKeys.create')}
        okText={t('apiKeys.createOk')}
        onOk={() => form.submit()}
        confirmLoading={create.isPending}
        onCancel={() => setCreating(false)}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={({ name }) => create.mutate(name)}>
          <Form.Item
            name="name"
            label={t('apiKeys.name')}
            extra={t('apiKeys.nameHint')}
            rules={[{ required: true, whitespace: true, max: 60 }]}
          >
            <Input />
          </Form.Item>
          {create.isError && <Alert type="error" message={create.error.message} />}
        </Form>
      </Modal>
      <Modal
        open={shown !== null}
        title={t('apiKeys.shownOnceTitle')}
        onOk={() => setShown(null)}
        onCancel={() => setShown(null)}
        cancelButtonProps={{ style: { display: 'none' } }}
        okText={t('apiKeys.copied')}
      >
        <Alert type="warning" showIcon message={t('apiKeys.shownOnce')} style={{ marginBottom: 12 }} />
        <Typography.Paragraph copyable code data-testid="new-api-key">
          {shown?.key}
        </Typography.Paragraph>
      </Modal>
    </Space>
  );
}
