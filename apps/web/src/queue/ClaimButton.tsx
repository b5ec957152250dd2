import { Button, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';

import { claimRefusal, refusalMessage, type Actor, type Locale } from '@chaping/domain';

import type { CaseSummary } from '../shared/api';

import './claim-i18n';

interface Props {
  row: CaseSummary;
  actor: Actor;
  locale: Locale;
  busy: boolean;
  onClaim: (caseId: string) => void;
}

/** "Take it" on a pool case, for agents; disabled with the domain's reason when it cannot be taken. */
export function ClaimButton({ row, actor, locale, busy, onClaim }: Props) {
  const { t } = useTranslation();
  const refused = claimRefusal({ stage: row.stage, assigneeId: row.assigneeId }, actor);
  return (
    <Tooltip title={refused ? refusalMessage(refused, locale) : t('claim.hint')}>
      <Button
        size="small"
        disabled={refused !== null || busy}
        onClick={(event) => {
          // The row's own click only moves the highlight.
          event.stopPropagation();
          onClaim(row.id);
        }}
        data-testid="claim"
      >
        {t('claim.button')}
      </Button>
    </Tooltip>
  );
}
