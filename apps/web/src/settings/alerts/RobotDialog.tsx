import { Alert, Checkbox, Form, Input, InputNumber, Modal, Select, Space, Switch } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

import {
  ALERT_TRIGGERS,
  checkRobotWebhook,
  LOCALES,
  refusalMessage,
  ROBOT_PLATFORMS,
  ROBOT_SIGNS_WITH_SECRET,
  type Locale,
} from '@chaping/domain';

import { ALL_SHOPS, type Robot, type RobotForm } from './use-alert-robots';

interface RobotDialogProps {
  /** The robot being changed, 'new' for a new one, null when closed. */
  editing: Robot | 'new' | null;
  shopOptions: { value: string; label: string }[];
  saving: boolean;
  error: Error | null;
  onSave: (values: RobotForm) => void;
  onClose: () => void;
}

/** Adds or changes a robot. The webhook and secret are write-only: left empty, the stored ones stay. */
export function RobotDialog({ editing, shopOptions, saving, error, onSave, onClose }: RobotDialogProps) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language as Locale;
  const [form] = Form.useForm<RobotForm>();
  const platform = Form.useWatch('platform', form);
  const stored = editing !== null && editing !== 'new' ? editing : null;

  useEffect(() => {
    // The dialog stays mounted: clear the write-only fields so no secret lingers in the page.
    if (editing === null) form.resetFields();
    else if (editing === 'new')
      form.setFieldsValue({
        shopId: shopOptions.find((option) => option.value !== ALL_SHOPS)?.value ?? ALL_SHOPS,
        name: '',
        platform: 'dingtalk',
        webhookUrl: '',
        secret: '',
        locale,
        triggers: [...ALERT_TRIGGERS],
        approvalWaitMinutes: 30,
        firstContactLeadMinutes: 60,
        enabled: true,
      });
    else form.setFieldsValue({ ...editing, shopId: editing.shopId ?? ALL_SHOPS, webhookUrl: '', secret: '' });
    // Filled once per opening; the shop list arriving later must not overwrite what was typed.
  }, [editing]);

  return (
    <Modal
      open={editing !== null}
      title={editing === 'new' ? t('alerts.add') : t('alerts.edit')}
      okText={t('alerts.save')}
      onOk={() => form.submit()}
      confirmLoading={saving}
      onCancel={onClose}
      forceRender
    >
      <Form form={form} layout="vertical" onFinish={onSave}>
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
        {error && <Alert type="error" message={error.message} />}
      </Form>
    </Modal>
  );
}
