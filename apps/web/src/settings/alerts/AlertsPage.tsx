import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Checkbox,
  Form,
  Input,
  InputNumber,
  message,
  Modal,
  Popconfirm,
  Select,
  Space,
  Switch,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import {
  ALERT_TRIGGERS,
  checkRobotWebhook,
  LOCALES,
  refusalMessage,
  ROBOT_PLATFORMS,
  ROBOT_SIGNS_WITH_SECRET,
  type AlertTrigger,
  type Locale,
  type RobotPlatform,
} from '@chaping/domain';

import { useMe } from '../../auth/session';
import { deleteJson, getJson, postJson, putJson } from '../../shared/api';
import { api, unwrap } from '../../shared/api-client';

import './i18n';

/** A robot as GET /api/alerts/robots answers (RobotDto): the webhook's host only, never the secret. */
interface Robot {
  id: string;
  shopId: string | null;
  name: string;
  platform: RobotPlatform;
  webhookHost: string;
  secretSet: boolean;
  locale: Locale;
  triggers: AlertTrigger[];
  approvalWaitMinutes: number;
  firstContactLeadMinutes: number;
  enabled: boolean;
  lastSentAt: string | null;
  lastError: string | null;
  lastErrorAt: string | null;
}

interface RobotForm {
  shopId: string;
  name: string;
  platform: RobotPlatform;
  webhookUrl?: string;
  secret?: string;
  locale: Locale;
  triggers: AlertTrigger[];
  approvalWaitMinutes: number;
  firstContactLeadMinutes: number;
  enabled: boolean;
}

const ALL_SHOPS = 'all';
const ROBOTS = ['alert-robots'];

/**
 * Lead: the team chat robots of their shops (admins also one for every shop). The webhook and
 * secret are write-only: the page shows the host and "已设置", and leaving them empty keeps them.
 */
export function AlertsPage() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language as Locale;
  const client = useQueryClient();
  const me = useMe();
  const shops = useQuery({ queryKey: ['shops'], queryFn: () => unwrap(api.GET('/api/shops')) });
  const robots = useQuery({ queryKey: ROBOTS, queryFn: () => getJson<Robot[]>('/api/alerts/robots', locale) });
  const [editing, setEditing] = useState<Robot | 'new' | null>(null);
  const [form] = Form.useForm<RobotForm>();
  const platform = Form.useWatch('platform', form);
  const refresh = () => void client.invalidateQueries({ queryKey: ROBOTS });

  // The dialog stays mounted: clear the write-only fields so no secret lingers in the page.
  const close = () => {
    form.resetFields();
    setEditing(null);
  };

  const save = useMutation({
    mutationFn: ({ shopId, webhookUrl, secret, ...settings }: RobotForm) => {
      const body = {
        ...settings,
        ...(webhookUrl?.trim() ? { webhookUrl: webhookUrl.trim() } : {}),
        ...(secret?.trim() ? { secret: secret.trim() } : {}),
      };
      return editing === 'new' || editing === null
        ? postJson<Robot>('/api/alerts/robots', { ...body, shopId: shopId === ALL_SHOPS ? null : shopId }, locale)
        : putJson<Robot>(`/api/alerts/robots/${editing.id}`, body, locale);
    },
    onSuccess: () => {
      close();
      refresh();
    },
  });
  const test = useMutation({
    mutationFn: (id: string) => postJson<{ ok: boolean; reason?: string }>(`/api/alerts/robots/${id}/test`, {}, locale),
    onSuccess: (answer) => {
      if (answer.ok) void message.success(t('alerts.testSent'));
      else void message.error(answer.reason ?? t('alerts.failed'));
      refresh();
    },
    onError: (error) => void message.error(error.message),
  });
  const remove = useMutation({
    mutationFn: (id: string) => deleteJson<unknown>(`/api/alerts/robots/${id}`, locale),
    onSuccess: refresh,
    onError: (error) => void message.error(error.message),
  });

  const open = (robot: Robot | 'new') => {
    save.reset();
    setEditing(robot);
    form.setFieldsValue(
      robot === 'new'
        ? {
            shopId: shops.data?.[0]?.id ?? ALL_SHOPS,
            name: '',
            platform: 'dingtalk',
            webhookUrl: '',
            secret: '',
            locale,
            triggers: [...ALERT_TRIGGERS],
            approvalWaitMinutes: 30,
            firstContactLeadMinutes: 60,
            enabled: true,
          }
        : { ...robot, shopId: robot.shopId ?? ALL_SHOPS, webhookUrl: '', secret: '' },
    );
  };
  const shopName = (shopId: string | null) =>
    shopId === null ? t('alerts.allShops') : (shops.data?.find((shop) => shop.id === shopId)?.name ?? '—');
  const when = (iso: string) => new Date(iso).toLocaleString(locale);
  const stored = editing !== null && editing !== 'new' ? editing : null;
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
      <Table<Robot>
        rowKey="id"
        size="small"
        loading={robots.isLoading}
        dataSource={robots.data ?? []}
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
            render: (set: boolean) => (set ? <Tag>{t('alerts.isSet')}</Tag> : <Tag>{t('alerts.notSet')}</Tag>),
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
                <Button
                  size="small"
                  loading={test.isPending && test.variables === robot.id}
                  onClick={() => test.mutate(robot.id)}
                >
                  {t('alerts.test')}
                </Button>
                <Button size="small" onClick={() => open(robot)}>
                  {t('alerts.edit')}
                </Button>
                <Popconfirm
                  title={t('alerts.confirmRemove')}
                  okText={t('alerts.remove')}
                  onConfirm={() => remove.mutate(robot.id)}
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
      <Modal
        open={editing !== null}
        title={editing === 'new' ? t('alerts.add') : t('alerts.edit')}
        okText={t('alerts.save')}
        onOk={() => form.submit()}
        confirmLoading={save.isPending}
        onCancel={close}
        forceRender
      >
        <Form form={form} layout="vertical" onFinish={(values) => save.mutate(values)}>
          <Form.Item name="shopId" label={t('alerts.shop')} rules={[{ required: true }]}>
            <Select options={shopOptions} disabled={stored !== null} aria-label={t('alerts.shop')} />
          </Form.Item>
          <Form.Item name="name" label={t('alerts.name')} rules={[{ required: true, whitespace: true, max: 60 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="platform" label={t('alerts.platform')} rules={[{ required: true }]}>
            <Select
              aria-label={t('alerts.platform')}
              options={ROBOT_PLATFORMS.map((value) => ({ value, label: t(`alerts.platforms.${value}`) }))}
            />
          </Form.Item>
          <Form.Item
            name="webhookUrl"
            label={t('alerts.webhook')}
            extra={t('alerts.webhookHint')}
            rules={[
              { required: stored === null, whitespace: true },
              {
                // The same check the API enforces; local http is left for the server to judge (tests, demos).
                validator: (_, value?: string) => {
                  const problem = value?.trim()
                    ? checkRobotWebhook(platform ?? 'dingtalk', value, { allowLocalHttp: true })
                    : null;
                  return problem ? Promise.reject(new Error(refusalMessage(problem, locale))) : Promise.resolve();
                },
              },
            ]}
          >
            <Input placeholder={stored ? t('alerts.keepHint') : 'https://'} autoComplete="off" />
          </Form.Item>
          <Form.Item
            name="secret"
            label={t('alerts.secret')}
            extra={t('alerts.secretHint')}
            rules={[
              {
                required: platform !== undefined && ROBOT_SIGNS_WITH_SECRET[platform] && !stored?.secretSet,
                whitespace: true,
                message: refusalMessage(
                  { code: 'alerts.secret_required', params: { platform: platform ?? 'dingtalk' } },
                  locale,
                ),
              },
            ]}
          >
            <Input.Password
              placeholder={stored?.secretSet ? t('alerts.keepHint') : undefined}
              autoComplete="new-password"
            />
          </Form.Item>
          <Form.Item name="locale" label={t('alerts.language')}>
            <Select options={LOCALES.map((value) => ({ value, label: t(`alerts.languages.${value}`) }))} />
          </Form.Item>
          <Form.Item name="triggers" label={t('alerts.triggers')}>
            <Checkbox.Group
              options={ALERT_TRIGGERS.map((value) => ({ value, label: t(`alerts.triggerNames.${value}`) }))}
            />
          </Form.Item>
          <Space>
            <Form.Item name="approvalWaitMinutes" label={t('alerts.approvalWait')} rules={[{ required: true }]}>
              <InputNumber min={1} max={1440} precision={0} />
            </Form.Item>
            <Form.Item name="firstContactLeadMinutes" label={t('alerts.firstContactLead')} rules={[{ required: true }]}>
              <InputNumber min={1} max={1440} precision={0} />
            </Form.Item>
          </Space>
          <Form.Item name="enabled" label={t('alerts.enabled')} valuePropName="checked">
            <Switch />
          </Form.Item>
          {save.isError && <Alert type="error" message={save.error.message} />}
        </Form>
      </Modal>
    </Space>
  );
}
