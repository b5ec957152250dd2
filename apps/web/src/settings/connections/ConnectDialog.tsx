import { Alert, DatePicker, Form, Input, InputNumber, Modal } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

import type { ConnectForm, Shop } from './use-connections';

interface DialogValues {
  appKey: string;
  appSecret: string;
  sessionKey: string;
  /** The date picker's value (a dayjs date). */
  expiresAt?: { toISOString(): string } | null;
  everyMinutes: number;
}

interface ConnectDialogProps {
  /** The shop being connected; null when closed. */
  shop: Shop | null;
  saving: boolean;
  error: Error | null;
  onSave: (form: ConnectForm) => void;
  onClose: () => void;
}

/**
 * Connects a shop with its platform's credentials (TOP session key, JD or 抖店 access token): the
 * secret and token go in and never come back. The API picks the platform's sign method.
 */
export function ConnectDialog({ shop, saving, error, onSave, onClose }: ConnectDialogProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<DialogValues>();
  useEffect(() => {
    // The dialog stays mounted: clear the credentials so none lingers in the page.
    if (shop === null) form.resetFields();
  }, [shop, form]);
  const required = [{ required: true, whitespace: true, message: t('connections.required') }];
  return (
    <Modal
      open={shop !== null}
      title={t('connections.dialogTitle', { shop: shop?.name ?? '' })}
      okText={t('connections.save')}
      cancelText={t('actions.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<DialogValues>
        form={form}
        layout="vertical"
        initialValues={{ everyMinutes: 5 }}
        onFinish={(values) =>
          onSave({
            appKey: values.appKey.trim(),
            appSecret: values.appSecret.trim(),
            sessionKey: values.sessionKey.trim(),
            pullEverySeconds: values.everyMinutes * 60,
            ...(values.expiresAt ? { tokenExpiresAt: values.expiresAt.toISOString() } : {}),
          })
        }
      >
        <Form.Item name="appKey" label={t('connections.appKey')} rules={required}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="appSecret"
          label={t('connections.appSecret')}
          rules={required}
          extra={t('connections.writeOnly')}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="sessionKey"
          label={t(`connections.token.${shop?.platform ?? 'taobao'}`, { defaultValue: t('connections.sessionKey') })}
          rules={required}
          extra={t('connections.writeOnly')}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item name="expiresAt" label={t('connections.expiresAt')}>
          <DatePicker showTime style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="everyMinutes" label={t('connections.everyMinutes')} rules={[{ required: true }]}>
          <InputNumber min={1} max={1440} precision={0} />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon message={error.message} data-testid="connect-error" />}
    </Modal>
  );
}
