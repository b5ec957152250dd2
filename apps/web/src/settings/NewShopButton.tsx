import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Input, message, Modal, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { PLATFORMS, type Platform } from '@chaping/domain';

import { api, unwrap } from '../shared/api-client';

interface NewShop {
  platform: Platform;
  name: string;
  platformShopId: string;
}

/** Admin: add a shop (a production installation starts with none). */
export function NewShopButton() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<NewShop>();
  const create = useMutation({
    mutationFn: (shop: NewShop) => unwrap(api.POST('/api/shops', { body: shop })),
    onSuccess: (shop) => {
      void message.success(t('shops.created', { name: shop.name }));
      setOpen(false);
      form.resetFields();
      void client.invalidateQueries({ queryKey: ['shops'] });
    },
  });
  return (
    <>
      <Button onClick={() => setOpen(true)}>{t('shops.create')}</Button>
      <Modal
        open={open}
        title={t('shops.create')}
        okText={t('shops.createOk')}
        onOk={() => form.submit()}
        confirmLoading={create.isPending}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <Form<NewShop> form={form} layout="vertical" onFinish={(shop) => create.mutate(shop)}>
          <Form.Item name="platform" label={t('shops.platform')} rules={[{ required: true }]}>
            <Select options={PLATFORMS.map((platform) => ({ value: platform, label: t(`platform.${platform}`) }))} />
          </Form.Item>
          <Form.Item name="name" label={t('shops.name')} rules={[{ required: true, whitespace: true, max: 60 }]}>
            <Input />
          </Form.Item>
          <Form.Item
            name="platformShopId"
            label={t('shops.platformShopId')}
            extra={t('shops.platformShopIdRule')}
            rules={[{ required: true, pattern: /^[\w.-]{1,64}$/, message: t('shops.platformShopIdRule') }]}
          >
            <Input autoComplete="off" />
          </Form.Item>
          {create.isError && <Alert type="error" message={create.error.message} />}
        </Form>
      </Modal>
    </>
  );
}
