import { Radio, Space } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The case actions as a row of radio buttons that wraps on narrow screens (antd Tabs hide
 * overflowing tabs behind a menu button that breaks the tablist's ARIA contract).
 */
export function ActionTabs({ items }: { items: ReadonlyArray<{ key: string; label: string; children: ReactNode }> }) {
  const { t } = useTranslation();
  const [active, setActive] = useState(items[0]?.key ?? '');
  const current = items.find((item) => item.key === active) ?? items[0];
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Radio.Group
        optionType="button"
        value={current?.key}
        onChange={(event) => setActive(String(event.target.value))}
        options={items.map((item) => ({ value: item.key, label: item.label }))}
        aria-label={t('actions.title')}
      />
      <div role="region" aria-label={current?.label}>
        {current?.children}
      </div>
    </Space>
  );
}
