import { Card } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

import type { ScriptChecklist } from '@chaping/domain';

import type { CaseView } from '../../shared/api';
import { ActionTabs, type ActionTab } from './ActionTabs';
import { AppealForm, RecordForm, ReplyComposer } from './ClosingForms';
import { ContactForm } from './ContactForm';
import { CompensationForm, RemedyForm, RootCauseForm } from './ResolutionForms';
import type { ActionProps } from './shared';
import { ACTION_KEYS, ACTION_LABELS, type ActionKey } from './stage-action';
import { TransitionBar } from './TransitionBar';
import { TriageForm } from './TriageForm';

interface Props extends ActionProps {
  view: CaseView;
  active: ActionKey;
  onChange: (key: ActionKey) => void;
  /** The stage script as the case followed it: the stage buttons wait for it like the script's own. */
  script: ScriptChecklist | null;
}

/** The composer of every case action, the stage's own open first; the rest one click or key away. */
export function StageActions({ view, active, onChange, script, ...actionProps }: Props) {
  const { t } = useTranslation();
  const composers: Record<ActionKey, ReactNode> = {
    contact: <ContactForm {...actionProps} />,
    cause: <RootCauseForm {...actionProps} />,
    remedy: <RemedyForm {...actionProps} />,
    compensation: <CompensationForm {...actionProps} buyerCompensationsInPeriod={view.buyerCompensationsInPeriod} />,
    reply: <ReplyComposer {...actionProps} />,
    appeal: <AppealForm {...actionProps} />,
    record: <RecordForm {...actionProps} />,
    move: <TransitionBar {...actionProps} script={script} />,
    triage: <TriageForm {...actionProps} />,
  };
  // In ACTION_KEYS order: the digit shortcuts count the tabs in it.
  const items: Array<ActionTab<ActionKey>> = ACTION_KEYS.map((key) => ({
    key,
    label: t(ACTION_LABELS[key]),
    children: composers[key],
  }));
  return (
    <Card title={t('actions.title')} size="small" data-testid="case-actions">
      <ActionTabs items={items} active={active} onChange={onChange} />
    </Card>
  );
}
