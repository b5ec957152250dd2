import { Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { rootCauseLabel, type Locale, type RootCause } from '@chaping/domain';

import type { PendingCompensation } from '../shared/api';
import { yuan } from '../shared/money';
import { SEVERITY_COLORS } from '../shared/tag-colors';

interface CellProps {
  item: PendingCompensation;
  locale: Locale;
}

/** What is offered against the limit it crossed. */
export function OfferCell({ item }: CellProps) {
  const { t } = useTranslation();
  return (
    <Space direction="vertical" size={0}>
      <span>
        {t(`compensationType.${item.type}`)} {yuan(item.amountFen)}
      </span>
      <Typography.Text type="danger" data-testid="approval-limit">
        {t('approvalsMore.limit', { limit: yuan(item.limitFen) })}
      </Typography.Text>
      <Typography.Text type="secondary">{item.note}</Typography.Text>
    </Space>
  );
}

/** The case behind the offer: its severity and (confirmed or suggested) root cause. */
export function CaseCell({ item, locale }: CellProps) {
  const { t } = useTranslation();
  return (
    <Space direction="vertical" size={2}>
      <Link to={`/cases/${item.caseId}`}>{item.reviewText}</Link>
      <Space size={4} wrap>
        <Tag color={SEVERITY_COLORS[item.severity]}>{t('severityTag', { level: t(`severity.${item.severity}`) })}</Tag>
        {item.rootCause && (
          <Tag color={item.rootCause === 'malicious' ? 'error' : undefined}>
            {rootCauseLabel(item.rootCause as RootCause, locale)}
            {item.rootCauseConfirmed ? '' : ` · ${t('approvalsMore.suggested')}`}
          </Tag>
        )}
      </Space>
    </Space>
  );
}

/** The buyer's other compensations, newest first, each linked to its case. */
export function BuyerHistoryCell({ item, locale }: CellProps) {
  const { t } = useTranslation();
  if (item.buyerHistory.length === 0)
    return (
      <Typography.Text type="secondary">{t('approvalsMore.noHistory', { buyer: item.buyerNickname })}</Typography.Text>
    );
  return (
    <Space direction="vertical" size={0} data-testid="buyer-history">
      <Typography.Text type="secondary">{item.buyerNickname}</Typography.Text>
      {item.buyerHistory.map((earlier) => (
        <Link key={earlier.id} to={`/cases/${earlier.caseId}`}>
          {new Date(earlier.proposedAt).toLocaleDateString(locale)} {t(`compensationType.${earlier.type}`)}{' '}
          {yuan(earlier.amountFen)} · {t(`compensationStatus.${earlier.status}`)}
        </Link>
      ))}
    </Space>
  );
}
