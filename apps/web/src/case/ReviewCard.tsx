import { Alert, Card, Descriptions, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

import { rootCauseLabel, type Locale, type RootCause } from '@chaping/domain';

import type { CaseView } from '../shared/api';
import { RATING_COLORS } from '../shared/tag-colors';
import { ReviewText } from './ReviewText';

/**
 * The review with triage's evidence marked, what triage suggested and what stands now; `children` (the second
 * suggestion) follow the suggested cause.
 */
export function ReviewCard({ view, locale, children }: { view: CaseView; locale: Locale; children?: ReactNode }) {
  const { t } = useTranslation();
  const cause = (value: string | null) => (value ? rootCauseLabel(value as RootCause, locale) : '—');
  return (
    <Card title={t('case.review')} size="small">
      <Typography.Paragraph>
        <Tag color={RATING_COLORS[view.review.rating]}>{t(`rating.${view.review.rating}`)}</Tag>
        <ReviewText text={view.review.text} evidence={view.triage?.evidence ?? []} locale={locale} />
      </Typography.Paragraph>
      {view.review.followUpText && (
        <Typography.Paragraph type="secondary">
          {t('case.followUp')}: {view.review.followUpText}
        </Typography.Paragraph>
      )}
      <Descriptions size="small" column={1}>
        <Descriptions.Item label={t('case.reviewedAt')}>
          {new Date(view.review.reviewedAt).toLocaleString(locale)}
        </Descriptions.Item>
        <Descriptions.Item label={t('case.suggested')}>
          {cause(view.suggestedRootCause)}
          {view.triage && ` (${t('case.confidence', { value: Math.round(view.triage.confidence * 100) })})`}
        </Descriptions.Item>
        <Descriptions.Item label={t('case.rootCause')}>
          {cause(view.rootCause)}
          {view.rootCauseConfirmed && <Tag style={{ marginInlineStart: 8 }}>{t('case.confirmed')}</Tag>}
        </Descriptions.Item>
        <Descriptions.Item label={t('case.buyerType')}>{t(`buyerType.${view.buyerType}`)}</Descriptions.Item>
      </Descriptions>
      {children}
      {view.misclick && <Alert type="success" showIcon message={t('case.misclick')} />}
      {(view.triage?.maliciousSignals.length ?? 0) > 0 && (
        <Alert
          type="error"
          showIcon
          message={t('case.malicious')}
          description={view.triage?.maliciousSignals.map((signal) => `「${signal.phrase}」`).join(' ')}
        />
      )}
    </Card>
  );
}
