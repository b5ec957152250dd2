import { Alert, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

import {
  causeNeedsChecking,
  overrideTriage,
  rootCauseLabel,
  secondSuggestionInput,
  type CaseState,
  type Locale,
  type RootCause,
} from '@chaping/domain';

import { GuardedButton, useOutcome, type ActionProps } from './actions/shared';
import { triageOverrideBody } from './use-case';

import './triage-i18n';

/** The key that takes the second suggestion (listed under `?`). */
export const TAKE_SECOND_KEY = 's';

export interface TakeSecond {
  second: RootCause | null;
  /** The cause already is the second suggestion. */
  taken: boolean;
  /** Why the domain would refuse taking it now; null when it may be taken. */
  refusal: string | null;
  take: () => void;
}

/**
 * Taking triage's second suggestion: the root-cause correction with the domain's own verdict, for the button and
 * for the shortcut. Before the case has loaded there is nothing to take.
 */
export function useTakeSecond(
  check: Pick<ActionProps, 'state' | 'ctx' | 'why'> | null,
  run: ActionProps['run'],
): TakeSecond {
  const show = useOutcome();
  if (!check) return { second: null, taken: false, refusal: null, take: () => undefined };
  const input = secondSuggestionInput(check.state);
  const refusal = check.why(overrideTriage(check.state, input, check.ctx));
  const second = check.state.suggestedSecondCause;
  return {
    second,
    taken: second !== null && check.state.rootCause === second,
    refusal,
    take: () => {
      if (refusal === null) void run('triage-overrides', triageOverrideBody(input)).then(show);
    },
  };
}

interface Props {
  state: CaseState;
  locale: Locale;
  busy: boolean;
  closed: boolean;
  takeSecond: TakeSecond;
}

/**
 * Triage's second suggestion beside its first, taken in one click (a correction it learns from), and the
 * flag for an agent when the lexicon and the model disagreed and no one has settled the cause yet.
 */
export function SecondSuggestion({ state, locale, busy, closed, takeSecond }: Props) {
  const { t } = useTranslation();
  const { second, taken, refusal, take } = takeSecond;
  if (second === null) return null;
  return (
    <Space direction="vertical" size={4} style={{ width: '100%' }} data-testid="second-suggestion">
      {causeNeedsChecking(state) && (
        <Alert
          type="warning"
          showIcon
          message={t('triageHint.disagreement')}
          description={t('triageHint.disagreementHelp')}
          data-testid="cause-disagreement"
        />
      )}
      <Space wrap align="center">
        <Typography.Text type="secondary">{t('triageHint.second')}:</Typography.Text>
        <Typography.Text strong>{rootCauseLabel(second, locale)}</Typography.Text>
        {!closed && !taken && (
          <GuardedButton refusal={refusal} busy={busy} onClick={take} testId="take-second">
            {t('triageHint.take')} <kbd>{TAKE_SECOND_KEY.toUpperCase()}</kbd>
          </GuardedButton>
        )}
      </Space>
    </Space>
  );
}
