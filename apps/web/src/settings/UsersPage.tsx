import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Input, message, Modal, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { passwordWeakness, ROLES } from '@chaping/domain';

import { useMe } from '../auth/session';
import { type UserSummary } from '../shared/api';
import { api, unwrap } from '../shared/api-client';
import { ApiKeysSection } from './ApiKeysSection';
import { NewShopButton } from './NewShopButton';

const USERS_QUERY = ['users'] as const;

interface NewAccount {
  username: string;
  displayName: string;
  role: UserSummary['role'];
  password: string;
  shopIds: string[];
}

/** What an admin or lead does to an account's access from its row. */
type AccountAction = 'disable' | 'enable' | 'sessions' | 'unlock';
/** The routes of the actions posted (signing out everywhere deletes the sessions instead). */
const ACCOUNT_ROUTES = {
  disable: '/api/users/{id}/disable',
  enable: '/api/users/{id}/enable',
  unlock: '/api/users/{id}/unlock',
} as const;

/**
 * Admin: the accounts, their roles and the shops each works; create an account, change its shops,
 * disable or enable it, sign it out everywhere. Leads see the accounts of their shops and can
 * clear a user's sign-in throttle. Admins also manage each shop's intake API keys below.
 */
export function UsersPage() {
  const { t } = useTranslation();
  const me = useMe();
  const client = useQueryClient();
  const isAdmin = me.data?.role === 'admin';
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<UserSummary | null>(null);
  const [shopIds, setShopIds] = useState<string[]>([]);
  const [createForm] = Form.useForm<NewAccount>();
  const users = useQuery({ queryKey: USERS_QUERY, queryFn: () => unwrap(api.GET('/api/users')) });
  const shops = useQuery({ queryKey: ['shops'], queryFn: () => unwrap(api.GET('/api/shops')) });
  const shopName = new Map((shops.data ?? []).map((shop) => [shop.id, shop.name]));
  const shopOptions = (shops.data ?? []).map((shop) => ({
    value: shop.id,
    label: `${shop.name} (${t(`platform.${shop.platform}`)})`,
  }));
  const refresh = () => void client.invalidateQueries({ queryKey: USERS_QUERY });
  const act = useMutation({
    mutationFn: ({ user, action }: { user: UserSummary; action: AccountAction }): Promise<unknown> => {
      const params = { path: { id: user.id } };
      return action === 'sessions'
        ? unwrap(api.DELETE('/api/users/{id}/sessions', { params }))
        : unwrap(api.POST(ACCOUNT_ROUTES[action], { params }));
    },
    onSuccess: (_, { user, action }) => {
      void message.success(t(`users.done.${action}`, { name: user.displayName }));
      refresh();
    },
    onError: (error) => void message.error(error.message),
  });
  const actionButton = (user: UserSummary, action: AccountAction) => (
    <Popconfirm
      key={action}
      title={t(`users.confirm.${action}`, { name: user.displayName })}
      okText={t(`users.action.${action}`)}
      onConfirm={() => act.mutate({ user, action })}
    >
      <Button size="small" danger={action === 'disable'}>
        {t(`users.action.${action}`)}
      </Button>
    </Popconfirm>
  );

  const create = useMutation({
    mutationFn: (account: NewAccount) => unwrap(api.POST('/api/users', { body: account })),
    onSuccess: (user) => {
      void message.success(t('users.created', { name: user.displayName }));
      setCreating(false);
      createForm.resetFields();
      refresh();
    },
  });
  const assign = useMutation({
    mutationFn: () =>
      unwrap(api.PUT('/api/users/{id}/shops', { params: { path: { id: editing?.id ?? '' } }, body: { shopIds } })),
    onSuccess: () => {
      void message.success(t('users.shopsSaved'));
      setEditing(null);
      refresh();
    },
  });

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={2} style={{ margin: 0 }}>
          {t('users.title')}
        </Typography.Title>
        {isAdmin && (
          <Space>
            <NewShopButton />
            <Button type="primary" onClick={() => setCreating(true)}>
              {t('users.create')}
            </Button>
          </Space>
        )}
      </Space>
      {users.isError && <Alert type="error" message={users.error.message} />}
      <Table<UserSummary>
        rowKey="id"
        loading={users.isLoading}
        dataSource={users.data ?? []}
        pagination={false}
        columns={[
          { title: t('users.username'), dataIndex: 'username' },
          { title: t('users.displayName'), dataIndex: 'displayName' },
          { title: t('users.role'), dataIndex: 'role', render: (role: string) => <Tag>{t(`role.${role}`)}</Tag> },
          {
            title: t('users.shops'),
            dataIndex: 'shopIds',
            render: (ids: string[], user) =>
              user.role === 'admin' ? (
                <Typography.Text type="secondary">{t('users.allShops')}</Typography.Text>
              ) : (
                ids.map((id) => <Tag key={id}>{shopName.get(id) ?? id}</Tag>)
              ),
          },
          {
            title: t('users.status'),
            key: 'status',
            render: (_: unknown, user: UserSummary) =>
              user.disabledAt ? <Tag color="red">{t('users.disabled')}</Tag> : <Tag>{t('users.active')}</Tag>,
          },
          {
            title: '',
            key: 'actions',
            render: (_: unknown, user: UserSummary) => (
              <Space wrap size="small">
                {isAdmin && (
                  <Button
                    size="small"
                    onClick={() => {
                      setEditing(user);
                      setShopIds(user.shopIds);
                    }}
                  >
                    {t('users.editShops')}
                  </Button>
                )}
                {actionButton(user, 'unlock')}
                {isAdmin && user.id !== me.data?.id && actionButton(user, user.disabledAt ? 'enable' : 'disable')}
                {isAdmin && !user.disabledAt && actionButton(user, 'sessions')}
              </Space>
            ),
          },
        ]}
      />
      {isAdmin && <ApiKeysSection shops={shops.data ?? []} />}
      <Modal
        open={creating}
        title={t('users.create')}
        okText={t('users.createOk')}
        onOk={() => createForm.submit()}
        confirmLoading={create.isPending}
        onCancel={() => setCreating(false)}
        destroyOnHidden
      >
        <Form<NewAccount>
          form={createForm}
          layout="vertical"
          initialValues={{ role: 'agent', shopIds: [] }}
          onFinish={(account) => create.mutate(account)}
        >
          <Form.Item
            name="username"
            label={t('users.username')}
            extra={t('users.usernameRule')}
            rules={[{ required: true, pattern: /^[A-Za-z0-9._-]{3,40}$/, message: t('users.usernameRule') }]}
          >
            <Input autoComplete="off" />
          </Form.Item>
          <Form.Item name="displayName" label={t('users.displayName')} rules={[{ required: true, max: 40 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="role" label={t('users.role')} rules={[{ required: true }]}>
            <Select options={ROLES.map((role) => ({ value: role, label: t(`role.${role}`) }))} />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('users.firstPassword')}
            extra={t('users.passwordRule')}
            dependencies={['username']}
            rules={[
              { required: true, message: t('users.passwordRule') },
              ({ getFieldValue }) => ({
                // The API's own rule (length after trimming, username, common passwords), asked before sending.
                validator: (_, value: string | undefined) => {
                  const weakness = passwordWeakness(value ?? '', String(getFieldValue('username') ?? ''));
                  return weakness ? Promise.reject(new Error(t(`users.weak.${weakness}`))) : Promise.resolve();
                },
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item name="shopIds" label={t('users.shops')}>
            <Select mode="multiple" options={shopOptions} optionFilterProp="label" />
          </Form.Item>
          {create.isError && <Alert type="error" message={create.error.message} />}
        </Form>
      </Modal>
      <Modal
        open={editing !== null}
        title={t('users.shopsOf', { name: editing?.displayName })}
        onOk={() => assign.mutate()}
        confirmLoading={assign.isPending}
        onCancel={() => setEditing(null)}
      >
        <Select
          mode="multiple"
          style={{ width: '100%' }}
          value={shopIds}
          onChange={setShopIds}
          options={shopOptions}
          optionFilterProp="label"
          aria-label={t('users.shops')}
        />
        {assign.isError && <Alert type="error" message={assign.error.message} style={{ marginTop: 12 }} />}
      </Modal>
    </Space>
  );
}
