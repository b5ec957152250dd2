import { useState } from 'react';

import type { Stage } from '@chaping/domain';

export const ACTION_KEYS = [
  'contact',
  'cause',
  'remedy',
  'compensation',
  'reply',
  'appeal',
  'record',
  'move',
  'triage',
] as const;
export type ActionKey = (typeof ACTION_KEYS)[number];

/** The translation key of each action's name (tab, shortcut list). */
export const ACTION_LABELS: Record<ActionKey, string> = {
  contact: 'actions.contact',
  cause: 'actions.rootCause',
  remedy: 'actions.remedy',
  compensation: 'actions.compensation',
  reply: 'actions.reply',
  appeal: 'actions.appeal',
  record: 'actions.record',
  move: 'actions.move',
  triage: 'actions.triage',
};

/** The action each open stage is about: the case view opens its composer first. */
export const STAGE_ACTION: Record<Stage, ActionKey> = {
  new: 'contact',
  contacting: 'contact',
  apologised: 'cause',
  resolving: 'remedy',
  compensating: 'compensation',
  replying: 'reply',
  watching: 'record',
  appealing: 'appeal',
  recorded: 'record',
};

/** The open action: the stage's own, until the agent picks another; a new stage opens its own again. */
export function useActiveAction(stage: Stage): [ActionKey, (key: ActionKey) => void] {
  const [chosen, setChosen] = useState<{ stage: Stage; key: ActionKey } | null>(null);
  const active = chosen?.stage === stage ? chosen.key : STAGE_ACTION[stage];
  return [active, (key) => setChosen({ stage, key })];
}
