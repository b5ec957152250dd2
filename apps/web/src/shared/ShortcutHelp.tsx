import { Modal, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { addTranslations } from '../app/i18n';
import { useShortcuts, type Shortcut } from './shortcuts';

addTranslations({
  'zh-CN': {
    shortcuts: { title: '键盘快捷键', key: '按键', does: '作用', show: '显示快捷键', hint: '按 ? 查看快捷键' },
  },
  en: {
    shortcuts: {
      title: 'Keyboard shortcuts',
      key: 'Key',
      does: 'Does',
      show: 'Show the shortcuts',
      hint: 'Press ? for shortcuts',
    },
  },
});

/** Registers a page's shortcuts and lists them (and itself) when the person presses `?`. */
export function ShortcutHelp({ shortcuts }: { shortcuts: Shortcut[] }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const all: Shortcut[] = [...shortcuts, { key: '?', label: t('shortcuts.show'), run: () => setOpen(true) }];
  useShortcuts(all);
  return (
    <>
      <Typography.Text type="secondary">{t('shortcuts.hint')}</Typography.Text>
      <Modal open={open} title={t('shortcuts.title')} footer={null} onCancel={() => setOpen(false)}>
        <Table<Shortcut>
          rowKey="key"
          size="small"
          pagination={false}
          dataSource={all}
          data-testid="shortcut-list"
          columns={[
            { title: t('shortcuts.key'), dataIndex: 'key', width: 160, render: (key: string) => <kbd>{key}</kbd> },
            { title: t('shortcuts.does'), dataIndex: 'label' },
          ]}
        />
      </Modal>
    </>
  );
}
