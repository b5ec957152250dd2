import { Card, Table } from 'antd';
import { useTranslation } from 'react-i18next';

import { DEFAULT_POLICY } from '@chaping/domain';

import type { PolicyChange } from '../../shared/api';
import { EmptyText } from '../../shared/EmptyText';
import { ChangeList } from './ChangeList';

interface HistoryCardProps {
  /** Newest first: each entry is compared with the one before it. */
  entries: PolicyChange[] | undefined;
  loading: boolean;
  shopMode: boolean;
}

/** Every saved change of the level: when, who, why and what it changed. */
export function HistoryCard({ entries, loading, shopMode }: HistoryCardProps) {
  const { t, i18n } = useTranslation();
  return (
    <Card size="small" title={t('policy.history')}>
      <Table<PolicyChange>
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={entries ?? []}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        locale={{ emptyText: <EmptyText>{t(shopMode ? 'policy.noShopHistory' : 'policy.noHistory')}</EmptyText> }}
        columns={[
          {
            title: t('policy.changedAt'),
            dataIndex: 'changedAt',
            render: (at: string) => new Date(at).toLocaleString(i18n.language),
          },
          { title: t('policy.changedBy'), dataIndex: 'changedByName' },
          { title: t('policy.note'), dataIndex: 'note' },
          {
            title: t('policy.whatChanged'),
            key: 'changes',
            render: (_: unknown, entry, index) => (
              <ChangeList
                before={entries?.[index + 1]?.policy ?? (shopMode ? {} : DEFAULT_POLICY)}
                after={entry.policy}
              />
            ),
          },
        ]}
      />
    </Card>
  );
}
