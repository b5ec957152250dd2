import { useQuery } from '@tanstack/react-query';
import { Button, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';

import { api, unwrap } from '../shared/api-client';
import type { QueueSearch } from './queue-search';

/** The filters a dashboard number or an import's result brought, named and removable by keyboard, so the list says why it is short. */
export function DrillFilters({ search, set }: { search: QueueSearch; set: (patch: Partial<QueueSearch>) => void }) {
  const { t } = useTranslation();
  const importId = search.importId;
  const job = useQuery({
    queryKey: ['imports', importId],
    queryFn: () => unwrap(api.GET('/api/imports/{id}', { params: { path: { id: importId ?? '' } } })),
    enabled: !!importId,
  });
  const active: Array<{ label: string; clear: Partial<QueueSearch> }> = [];
  if (search.overdue) active.push({ label: t(`queueMore.drill.${search.overdue}`), clear: { overdue: undefined } });
  if (search.reviewedOn)
    active.push({
      label: t('queueMore.drill.reviewedOn', { day: search.reviewedOn }),
      clear: { reviewedOn: undefined },
    });
  if (importId)
    active.push({
      label: job.data?.fileName
        ? t('queueMore.drill.importFile', { file: job.data.fileName })
        : t('queueMore.drill.import'),
      clear: { importId: undefined },
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
