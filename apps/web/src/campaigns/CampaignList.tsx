import { Button, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';

import { EmptyText } from '../shared/EmptyText';
import type { useCampaigns } from './use-campaigns';

import './i18n';

type Summary = NonNullable<ReturnType<typeof useCampaigns>['list']['data']>['items'][number];

const span = (from: string, to: string) =>
  `${dayjs(from).format('YYYY-MM-DD HH:mm')} – ${dayjs(to).format('MM-DD HH:mm')}`;

/** The shop's campaigns, latest first; a name opens the campaign. */
export function CampaignList({
  items,
  loading,
  onOpen,
}: {
  items: readonly Summary[];
  loading: boolean;
  onOpen: (id: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <Table<Summary>
      size="small"
      rowKey="id"
      loading={loading}
      dataSource={[...items]}
      pagination={{ pageSize: 10, hideOnSinglePage: true }}
      data-testid="campaign-list"
      locale={{ emptyText: <EmptyText>{t('campaigns.empty')}</EmptyText> }}
      columns={[
        {
          title: t('campaigns.columns.name'),
          key: 'name',
          render: (_, row) => (
            <Button
              type="link"
              style={{ padding: 0 }}
              onClick={() => onOpen(row.id)}
              aria-label={t('campaigns.open', { name: row.name })}
            >
              {row.name}
            </Button>
          ),
        },
        { title: t('campaigns.columns.window'), key: 'window', render: (_, row) => span(row.startsAt, row.endsAt) },
        { title: t('campaigns.columns.peak'), key: 'peak', render: (_, row) => span(row.peakStartsAt, row.peakEndsAt) },
        {
          title: t('campaigns.columns.promotions'),
          key: 'promotions',
          render: (_, row) => `${row.signedOffCount} / ${row.promotionCount}`,
        },
        {
          title: t('campaigns.columns.quiz'),
          key: 'quiz',
          render: (_, row) => t(row.quizPublished ? 'campaigns.quizPublished' : 'campaigns.quizDraft'),
        },
        {
          title: t('campaigns.columns.status'),
          key: 'status',
          render: (_, row) =>
            row.active ? <Tag color="processing">{t('campaigns.running')}</Tag> : t('campaigns.notRunning'),
        },
      ]}
    />
  );
}
