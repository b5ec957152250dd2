import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, DatePicker, Form, Input, message, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';

import {
  departmentFor,
  departmentLabel,
  DEPARTMENTS,
  ROOT_CAUSES,
  rootCauseLabel,
  SUB_CAUSES,
  subCauseLabel,
  type Department,
  type RootCause,
} from '@chaping/domain';

import { type Shop } from '../shared/api';
import { api, unwrap } from '../shared/api-client';
import { useLocale } from '../shared/use-locale';

/** What the lead starts from: a cause row (shop-wide) or a product / SKU row of the report. */
export interface ActionItemDraft {
  rootCause: RootCause;
  subCause?: string | null;
  shopId?: string;
  productId?: string;
  productTitle?: string;
  skuName?: string;
}

interface Props {
  draft: ActionItemDraft | null;
  shops: Shop[];
  onClose: () => void;
}

interface Values {
  shopId: string;
  rootCause: RootCause;
  subCause?: string;
  title: string;
  department: Department;
  owner?: string;
  dueOn: Dayjs;
}

/** Turns a recurring cause into an action item for the department that can remove it. */
export function ActionItemForm({ draft, shops, onClose }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const client = useQueryClient();
  const [form] = Form.useForm<Values>();
  const cause = Form.useWatch('rootCause', form) ?? draft?.rootCause;
  const create = useMutation({
    mutationFn: (values: Values) =>
      unwrap(
        api.POST('/api/action-items', {
          body: {
            shopId: values.shopId,
            rootCause: values.rootCause,
            ...(values.subCause ? { subCause: values.subCause } : {}),
            ...(draft?.productId ? { productId: draft.productId } : {}),
            ...(draft?.skuName ? { skuName: draft.skuName } : {}),
            title: values.title,
            department: values.department,
            ...(values.owner ? { owner: values.owner } : {}),
            dueOn: values.dueOn.format('YYYY-MM-DD'),
          },
        }),
      ),
    onSuccess: () => {
      void message.success(t('report.actionCreated'));
      void client.invalidateQueries({ queryKey: ['report'] });
      onClose();
    },
  });
  if (!draft) return null;
  return (
    <Modal
      open
      title={t('report.newAction')}
      okText={t('report.createAction')}
      onOk={() => form.submit()}
      confirmLoading={create.isPending}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{
          shopId: draft.shopId ?? shops[0]?.id,
          rootCause: draft.rootCause,
          subCause: draft.subCause ?? undefined,
          department: departmentFor(draft.rootCause),
        }}
        onFinish={(values) => create.mutate(values)}
      >
        {draft.productTitle && (
          <Alert
            style={{ marginBottom: 12 }}
            type="info"
            message={t('report.actionOn', { product: [draft.productTitle, draft.skuName].filter(Boolean).join(' · ') })}
          />
        )}
        <Form.Item name="shopId" label={t('queue.columns.shop')} rules={[{ required: true }]}>
          <Select
            showSearch
            optionFilterProp="label"
            disabled={!!draft.shopId}
            options={shops.map((shop) => ({ value: shop.id, label: shop.name }))}
          />
        </Form.Item>
        <Form.Item name="rootCause" label={t('rootCause.label')} rules={[{ required: true }]}>
          <Select
            showSearch
            optionFilterProp="label"
            onChange={(value: RootCause) =>
              form.setFieldsValue({ subCause: undefined, department: departmentFor(value) })
            }
            options={ROOT_CAUSES.map((value) => ({ value, label: rootCauseLabel(value, locale) }))}
          />
        </Form.Item>
        <Form.Item name="subCause" label={t('rootCause.subCause')}>
          <Select
            allowClear
            options={(cause ? SUB_CAUSES[cause] : []).map((value) => ({ value, label: subCauseLabel(value, locale) }))}
          />
        </Form.Item>
        <Form.Item name="title" label={t('report.actionTitle')} rules={[{ required: true, min: 4, max: 200 }]}>
          <Input placeholder={t('report.actionTitlePlaceholder')} />
        </Form.Item>
        <Form.Item name="department" label={t('report.department')} rules={[{ required: true }]}>
          <Select options={DEPARTMENTS.map((value) => ({ value, label: departmentLabel(value, locale) }))} />
        </Form.Item>
        <Form.Item name="owner" label={t('report.owner')}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="dueOn" label={t('report.dueOn')} rules={[{ required: true }]}>
          <DatePicker />
        </Form.Item>
        {create.isError && <Alert type="error" message={create.error.message} />}
      </Form>
    </Modal>
  );
}
