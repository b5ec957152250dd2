import { Radio, Space } from 'antd';
import { useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

import { useChord } from '../use-chord';

export interface ActionTab<Key extends string> {
  key: Key;
  label: string;
  children: ReactNode;
}

/**
 * The case actions as a row of radio buttons that wraps on narrow screens (antd Tabs hide
 * overflowing tabs behind a menu button that breaks the tablist's ARIA contract). The page decides
 * which one is open: the one the stage calls for, unless the agent chose another.
 */
export function ActionTabs<Key extends string>({
  items,
  active,
  onChange,
}: {
  items: ReadonlyArray<ActionTab<Key>>;
  active: Key;
  onChange: (key: Key) => void;
}) {
  const { t } = useTranslation();
  const current = items.find((item) => item.key === active) ?? items[0];
  const region = useRef<HTMLDivElement>(null);
  // The open composer's own primary button: disabled by the domain's rule, it does nothing.
  useChord({ key: 'Enter' }, () =>
    region.current?.querySelector<HTMLButtonElement>('button.ant-btn-primary:not(:disabled)')?.click(),
  );
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Radio.Group
        optionType="button"
        size="small"
        value={current?.key}
        onChange={(event) => onChange(event.target.value as Key)}
        options={items.map((item) => ({ value: item.key, label: item.label }))}
        aria-label={t('actions.title')}
      />
      <div role="region" aria-label={current?.label} ref={region}>
        {current?.children}
      </div>
    </Space>
  );
}
