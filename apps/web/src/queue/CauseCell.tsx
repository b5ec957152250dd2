import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';

import { rootCauseLabel, type Locale } from '@chaping/domain';

import type { CaseSummary } from '../shared/api';
import { WARNING_TAG_COLOR } from '../shared/tag-colors';

import '../case/triage-i18n';

interface Props {
  cause: CaseSummary['rootCause'];
  row: CaseSummary;
  locale: Locale;
}

/** The case's cause, with a small flag while triage's lexicon and model disagree and no one has settled it. */
export function CauseCell({ cause, row, locale }: Props) {
  const { t } = useTranslation();
  const label = cause ? rootCauseLabel(cause, locale) : '—';
  if (!row.needsChecking) return <>{label}</>;
  const second = row.secondCause ? `${t('triageHint.second')}: ${rootCauseLabel(row.secondCause, locale)}` : '';
  return (
    <span style={{ whiteSpace: 'nowrap' }}>
      {label}{' '}
      <Tooltip title={[t('triageHint.disagreement'), second].filter(Boolean).join(' · ')}>
        <Tag color={WARNING_TAG_COLOR} style={{ marginInlineEnd: 0 }} data-testid="queue-cause-flag">
          {t('triageHint.flag')}
        </Tag>
      </Tooltip>
    </span>
  );
}
