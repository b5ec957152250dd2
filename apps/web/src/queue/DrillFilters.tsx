import { Button, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';

import type { QueueSearch } from './queue-search';

/** The filters a dashboard number brought, named and removable by keyboard, so the list says why it is short. */
export function DrillFilters({ search, set }: { search: QueueSearch; set: (patch: Partial<QueueSearch>) => void }) {
  const { t } = useTranslation();
  const active: Array<{ label: string; clear: Partial<QueueSearch> }> = [];
  if (search.overdue) active.push({ label: t(`queueMore.drill.${search.overdue}`), clear: { overdue: undefined } });
  if (search.reviewedOn)
    active.push({
      label: t('queueMore.drill.reviewedOn', { day: search.reviewedOn }),
      clear: { reviewedOn: undefined },
    });
  if (active.length === 0) return null;
  return (
    <Space wrap data-testid="drill-filters">
      {active.map(({ label, clear }) => (
        <Space key={label} size={0}>
          <Tag color="red">{label}</Tag>
          <Button
            type="link"
            size="small"
            onClick={() => set(clear)}
            aria-label={t('queueMore.drill.remove', { what: label })}
          >
            {t('queueMore.drill.removeShort')}
          </Button>
        </Space>
      ))}
    </Space>
  );
}
