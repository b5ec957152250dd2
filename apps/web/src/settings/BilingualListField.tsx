import { Button, Form, Input, Space, Typography } from 'antd';
import type { NamePath } from 'antd/es/form/interface';
import { useTranslation } from 'react-i18next';

interface Props {
  /** Where the list sits in the template, e.g. ['steps', 0, 'lines']. */
  name: NamePath;
  label: string;
  /** Names the rows for screen readers and keyboard users, e.g. the step's title. */
  context: string;
  /** Checks carry an id next to their text; a new one gets a fresh id. */
  withIds?: { prefix: string };
}

const textPath = (withIds: boolean, locale: 'zh-CN' | 'en') => (withIds ? ['text', locale] : [locale]);

/**
 * A list of texts in both product languages, one row per text with the Chinese and the English
 * side by side: script lines, tips, branch lines and check-offs all edit the same way.
 */
export function BilingualListField({ name, label, context, withIds }: Props) {
  const { t } = useTranslation();
  return (
    <Form.List name={name}>
      {(fields, { add, remove }) => (
        <Space direction="vertical" style={{ width: '100%' }} size={4}>
          <Typography.Text strong>{label}</Typography.Text>
          {fields.map((field, index) => (
            <div key={field.key} style={{ display: 'grid', gridTemplateColumns: '1fr 1fr auto', gap: 8 }}>
              <Form.Item name={[field.name, ...textPath(!!withIds, 'zh-CN')]} noStyle>
                <Input.TextArea autoSize aria-label={`${context} ${label} ${index + 1} 中文`} />
              </Form.Item>
              <Form.Item name={[field.name, ...textPath(!!withIds, 'en')]} noStyle>
                <Input.TextArea
                  autoSize
                  aria-label={`${context} ${label} ${index + 1} English`}
                  style={{ width: 320 }}
                />
              </Form.Item>
              <Button
                onClick={() => remove(field.name)}
                aria-label={t('scripts.removeRow', { label: `${context} ${label}`, n: index + 1 })}
              >
                −
              </Button>
            </div>
          ))}
          <Button
            type="dashed"
            size="small"
            onClick={() =>
              add(
                withIds
                  ? { id: `${withIds.prefix}-${Date.now().toString(36)}`, text: { 'zh-CN': '', en: '' } }
                  : { 'zh-CN': '', en: '' },
              )
            }
          >
            {t('scripts.addRow', { label })}
          </Button>
        </Space>
      )}
    </Form.List>
  );
}
