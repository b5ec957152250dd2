import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import {
  nextStepTransition,
  scriptChecklist,
  transition,
  type CaseState,
  type CommandContext,
  type CommandResult,
} from '@chaping/domain';

import type { CaseView } from '../shared/api';
import { fetchScript, scriptQueryKey } from './case-queries';

/**
 * The script of the case's stage and how far the case has followed it: check-offs its actions
 * proved, plus the ones the agent ticked. The script's own "next" button and the stage buttons of
 * the other tab ask the same checklist, so neither moves the stage past an unfinished script.
 */
export function useCaseScript(
  view: CaseView | undefined,
  state: CaseState | undefined,
  ctx: CommandContext | undefined,
) {
  const { i18n } = useTranslation();
  const selection = view && {
    shopId: view.shopId,
    stage: view.stage,
    rootCause: view.rootCause,
    buyerType: view.buyerType,
  };
  const script = useQuery({
    queryKey: selection ? scriptQueryKey(selection) : ['script', 'none'],
    queryFn: () => (selection ? fetchScript(selection, i18n.language) : Promise.resolve({ template: null })),
    staleTime: 5 * 60_000,
    enabled: !!selection && view?.stage !== 'recorded',
  });
  const [ticks, setTicks] = useState<Record<string, string[]>>({});
  const template = script.data?.template ?? null;
  if (!view || !state || !ctx || !template) return { loading: script.isLoading, template: null, checklist: null };
  const key = `${view.id}:${template.id}@${template.version}`;
  const ticked = ticks[key] ?? [];
  const context = { revisionRequestAllowed: ctx.policy.platforms[view.platform].allowsRevisionRequest };
  const checklist = scriptChecklist(template, state, ticked, context);
  const toggle = (checkId: string, on: boolean) =>
    setTicks((current) => {
      const before = current[key] ?? [];
      return { ...current, [key]: on ? [...before, checkId] : before.filter((id) => id !== checkId) };
    });
  /** Ticks the first check-off of the branch taken that is left to the agent (the `x` key). */
  const tickNext = () => {
    const open = checklist.steps
      .filter((step) => step.taken)
      .flatMap((step) => step.items)
      .find((item) => !item.done && !item.byAction);
    if (open) toggle(open.check.id, true);
  };
  return { loading: false, template, checklist, toggle, tickNext };
}

export type CaseScript = ReturnType<typeof useCaseScript>;

/**
 * The stage the script offers once its steps are done, whether it may be taken now (the
 * checklist complete and the domain's transition allowed) and the command that takes it.
 */
export function useNextStage(input: {
  view: CaseView | undefined;
  script: CaseScript;
  state: CaseState | undefined;
  ctx: CommandContext | undefined;
  why: ((result: CommandResult) => string | null) | undefined;
  run: (path: string, body: Record<string, unknown>) => unknown;
  busy: boolean;
}) {
  const { view, script, state, ctx, why, run, busy } = input;
  const template = script.template;
  const next =
    template && view ? nextStepTransition(template, view.stage, { remedy: view.remedy?.type ?? null }) : null;
  const offered = next && next !== 'recorded' ? next : null;
  const refusal = offered && state && ctx && why ? why(transition(state, { to: offered }, ctx)) : null;
  const canMove = !!offered && !!script.checklist?.progress.complete && refusal === null && !busy;
  const move = () => {
    if (canMove && template && offered)
      void run('transitions', { to: offered, script: `${template.id}@${template.version}` });
  };
  return { offered, refusal, canMove, move };
}

export type NextStage = ReturnType<typeof useNextStage>;
