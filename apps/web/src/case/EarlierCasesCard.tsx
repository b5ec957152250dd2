import { useQuery } from '@tanstack/react-query';
import { Card, List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { rootCauseLabel, stageLabel, type Locale, type RootCause } from '@chaping/domain';

import { EmptyText } from '../shared/EmptyText';
import { RATING_COLORS } from '../shared/tag-colors';
import { earlierCasesQueryKey, fetchEarlierCases } from './case-queries';

/** The buyer's earlier cases and the special notes left on them, for whoever contacts the buyer now. */
export function EarlierCasesCard({ caseId, locale }: { caseId: string; locale: Locale }) {
  const { t } = useTranslation();
  const earlier = useQuery({
    queryKey: earlierCasesQueryKey(caseId),
    queryFn: () => fetchEarlierCases(caseId),
    staleTime: 5 * 60_000,
  });
  return (
    <Card title={t('caseView.earlier.title')} size="small" data-testid="earlier-cases">
      <List
        size="small"
        loading={earlier.isLoading}
        locale={{ emptyText: <EmptyText>{t('caseView.earlier.none')}</EmptyText> }}
        dataSource={earlier.data ?? []}
        renderItem={(item) => (
          <List.Item key={item.id} style={{ display: 'block', paddingInline: 0 }}>
            <Link to={`/cases/${item.id}`}>
              {t('caseView.earlier.reviewed', { date: new Date(item.reviewedAt).toLocaleDateString(locale) })}
            </Link>{' '}
            <Tag color={RATING_COLORS[item.rating]}>{t(`rating.${item.rating}`)}</Tag>
            <Tag>{item.stage === 'recorded' ? stageLabel(item.stage, locale) : t('caseView.earlier.open')}</Tag>
            {item.rootCause && (
              <Typography.Text type="secondary">{rootCauseLabel(item.rootCause as RootCause, locale)}</Typography.Text>
            )}
            <Typography.Paragraph ellipsis={{ rows: 1, tooltip: item.reviewText }} style={{ margin: 0 }}>
              {item.reviewText}
            </Typography.Paragraph>
            {item.specialNotes && (
              <Typography.Paragraph style={{ margin: 0 }} strong>
                {t('caseView.detail.notes', { notes: item.specialNotes })}
              </Typography.Paragraph>
            )}
          </List.Item>
        )}
      />
    </Card>
  );
}
