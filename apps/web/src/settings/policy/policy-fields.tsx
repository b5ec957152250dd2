import { Button, ConfigProvider, Form, Input, InputNumber, Space, Tag } from 'antd';
import { createContext, useContext, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

import { isShopPolicyField } from '@chaping/domain';

/** What the fields need to know about the level being edited: a shop's own values, and how to reset one. */
export interface LevelMarks {
  shopMode: boolean;
  canEdit: boolean;
  overridden: ReadonlySet<string>;
  reset: (field: string) => void;
}
export const MarksContext = createContext<LevelMarks>({
  shopMode: false,
  canEdit: false,
  overridden: new Set(),
  reset: () => undefined,
});

/**
 * Beside a value on a shop's page: "this shop" with a reset to the organisation's value, or
 * "organisation-wide" for the values only admins set for every shop. Inherited values show nothing.
 */
function FieldMark({ field, label }: { field: string; label: string }) {
  const { t } = useTranslation();
  const { shopMode, overridden, reset } = useContext(MarksContext);
  if (!shopMode) return null;
  if (!isShopPolicyField(field)) return <Tag>{t('policy.organisationWide')}</Tag>;
  if (!overridden.has(field)) return null;
  return (
    <Space size={0}>
      <Tag color="blue">{t('policy.thisShop')}</Tag>
      <Button size="small" type="link" onClick={() => reset(field)} aria-label={`${t('policy.reset')} ${label}`}>
        {t('policy.reset')}
      </Button>
    </Space>
  );
}

/** Values only admins set, for every shop: read-only on a shop's page. */
export function OrgOnly({ children }: { children: ReactNode }) {
  const { shopMode, canEdit } = useContext(MarksContext);
  return <ConfigProvider componentDisabled={shopMode || !canEdit}>{children}</ConfigProvider>;
}

/** Limits are stored in fen and edited in yuan. */
export const yuanField = {
  getValueProps: (fen: number | undefined) => ({ value: fen === undefined ? undefined : fen / 100 }),
  normalize: (yuan: number | null) => (yuan === null ? yuan : Math.round(yuan * 100)),
};

/** A field's label with its mark on a shop's page. */
const marked = (path: string[], label: string): ReactNode => (
  <Space size={4}>
    {label}
    <FieldMark field={path.join('.')} label={label} />
  </Space>
);

export const number = (path: string[], label: string) => (
  <Form.Item name={path} label={marked(path, label)}>
    <InputNumber min={0} precision={0} aria-label={label} style={{ width: 140 }} />
  </Form.Item>
);

export const clockTime = (path: string[], label: string) => (
  <Form.Item name={path} label={marked(path, label)}>
    <Input aria-label={label} placeholder="HH:mm" style={{ width: 100 }} />
  </Form.Item>
);

/** A value in a table cell with its mark on a shop's page. */
export const cell = (path: string[], label: string, input: ReactNode, extra: Record<string, unknown> = {}) => (
  <Space size={4}>
    <Form.Item name={path} noStyle {...extra}>
      {input}
    </Form.Item>
    <FieldMark field={path.join('.')} label={label} />
  </Space>
);
