import { Space, Tag, Typography } from 'antd';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';

import { promotionTrapLabel, type PromotionFinding } from '@chaping/domain';

import { useLocale } from '../shared/use-locale';
import { ToneTag } from './ToneTag';

import './i18n';

const MARK_STYLE = {
  block: { background: '#fff1f0', borderBottom: '2px solid #c41d1f', color: 'inherit', padding: 0 },
  warn: { background: '#fffbe6', borderBottom: '2px dashed #9e5f00', color: 'inherit', padding: 0 },
} as const;

interface Segment {
  text: string;
  findings: PromotionFinding[];
}

/** The wording cut at every finding's edges, each piece with the findings that cover it. */
function segments(text: string, findings: readonly PromotionFinding[]): Segment[] {
  const edges = [...new Set([0, text.length, ...findings.flatMap((each) => [each.span.start, each.span.end])])]
    .filter((edge) => edge >= 0 && edge <= text.length)
    .sort((a, b) => a - b);
  return edges.slice(0, -1).map((start, index) => {
    const end = edges[index + 1]!;
    return {
      text: text.slice(start, end),
      findings: findings.filter((each) => each.span.start <= start && each.span.end >= end),
    };
  });
}

/** The wording as written, each trap marked where it is, its name on hover and in the list below. */
export function HighlightedWording({ text, findings }: { text: string; findings: readonly PromotionFinding[] }) {
  const locale = useLocale();
  return (
    <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 8 }} data-testid="promotion-wording">
      {segments(text, findings).map((segment, index) =>
        segment.findings.length === 0 ? (
          <Fragment key={index}>{segment.text}</Fragment>
        ) : (
          <mark
            key={index}
            data-trap={segment.findings.map((each) => each.code).join(' ')}
            title={segment.findings.map((each) => promotionTrapLabel(each.code, locale)).join('；')}
            style={MARK_STYLE[segment.findings.some((each) => each.severity === 'block') ? 'block' : 'warn']}
          >
            {segment.text}
          </mark>
        ),
      )}
    </Typography.Paragraph>
  );
}

/** Each trap found once, with whether it must change or may be accepted in writing. */
export function TrapList({ findings }: { findings: readonly PromotionFinding[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const codes = [...new Map(findings.map((each) => [each.code, each])).values()];
  if (codes.length === 0) return <ToneTag tone="success">{t('campaigns.promotions.noTraps')}</ToneTag>;
  return (
    <Space direction="vertical" size={2} data-testid="promotion-traps">
      <Typography.Text strong>{t('campaigns.promotions.traps', { count: codes.length })}</Typography.Text>
      {codes.map((each) => (
        <Space key={each.code} size={4}>
          {each.severity === 'block' ? (
            <Tag color="error">{t('campaigns.promotions.block')}</Tag>
          ) : (
            <ToneTag tone="warning">{t('campaigns.promotions.warn')}</ToneTag>
          )}
          <Typography.Text>{promotionTrapLabel(each.code, locale)}</Typography.Text>
        </Space>
      ))}
    </Space>
  );
}
