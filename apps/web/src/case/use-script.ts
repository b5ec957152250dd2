import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { message } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

import {
  hasReachedBuyer,
  nextStepTransition,
  scriptChecklist,
  scriptContext,
  scriptKey,
  transition,
  transitionFollowingScript,
  type CaseState,
  type CommandContext,
  type CommandResult,
} from '@chaping/domain';

import type { CaseView } from '../shared/api';
import { api, unwrap } from '../shared/api-client';
import { caseQueryKey, fetchScript, scriptQueryKey } from './case-queries';
import type { RunCommand } from './use-case';

type Ticks = { script: string | null; checkIds: string[] };
/** Ticks clicked but not yet read back from the API, by check id, for one script version. */
type PendingTicks = { script: string; ticks: ReadonlyMap<string, boolean> };
const ticksQueryKey = (caseId: string, script: string) => ['case', caseId, 'script-ticks', script] as const;

/**
 * The script of the case's stage and how far the case has followed it: check-offs its actions
 * proved, plus the ones the agent ticked (kept by the API per case and script version). The
 * script's own "next" button and the stage buttons of the other tab ask the same checklist
 * through the domain's scriptGate, as the API does before it moves the stage.
 */
export function useCaseScript(
  view: CaseView | undefined,
  state: CaseState | undefined,
  ctx: CommandContext | undefined,
) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const selection = view && {
    shopId: view.shopId,
    stage: view.stage,
    rootCause: view.rootCause,
    buyerType: view.buyerType,
  };
  const script = useQuery({
    queryKey: selection ? scriptQueryKey(selection) : ['script', 'none'],
    queryFn: () => (selection ? fetchScript(selection) : Promise.resolve({ template: null })),
    staleTime: 5 * 60_000,
    enabled: !!selection && view?.stage !== 'recorded',
  });
  const template = script.data?.template ?? null;
  const key = template ? scriptKey(template) : '';
  const caseId = view?.id ?? '';
  const ticks = useQuery({
    queryKey: ticksQueryKey(caseId, key),
    queryFn: () => unwrap(api.GET('/api/cases/{id}/script-ticks', { params: { path: { id: caseId } } })),
    enabled: !!template && !!view && view.stage !== 'recorded',
  });
  // The query cache tells the page of a change on a later task; a checkbox must answer its click
  // in the same render, so the clicked ticks are also kept here until the API's list is read back.
  const [pending, setPending] = useState<PendingTicks>({ script: '', ticks: new Map() });
  // The API checks a stage move against the saved ticks: a move waits for the ticks on their way.
  const savingTicks = useRef<Promise<unknown>>(Promise.resolve());
  const whenTicksSaved = () => savingTicks.current;
  const ticksMutation = ['case', caseId, 'script-ticks', 'save'];
  const save = useMutation({
    mutationKey: ticksMutation,
    mutationFn: (body: { script: string; checkId: string; ticked: boolean }) =>
      unwrap(api.POST('/api/cases/{id}/script-ticks', { params: { path: { id: caseId } }, body })),
    onMutate: async ({ script: saved, checkId, ticked }) => {
      // Ticked at once on screen; a read already under way must not bring the old ticks back.
      await client.cancelQueries({ queryKey: ticksQueryKey(caseId, saved) });
      client.setQueryData<Ticks>(ticksQueryKey(caseId, saved), (before) => {
        const ids = (before?.checkIds ?? []).filter((id) => id !== checkId);
        return { script: saved, checkIds: ticked ? [...ids, checkId] : ids };
      });
    },
    onError: (error) => void message.error(error instanceof Error ? error.message : t('error')),
    onSettled: async (_answer, _error, { script: saved }) => {
      // Several quick ticks: an earlier answer lacks the later ticks, so only the last one settles the
      // list, by reading it again. The tick is a line of the history, so the case is read again too.
      // (A mutation still counts itself while its onSettled runs.)
      if (client.isMutating({ mutationKey: ticksMutation }) > 1) return;
      void client.invalidateQueries({ queryKey: caseQueryKey(caseId), exact: true });
      await client.invalidateQueries({ queryKey: ticksQueryKey(caseId, saved) });
      if (client.isMutating({ mutationKey: ticksMutation }) <= 1) setPending({ script: '', ticks: new Map() });
    },
  });
  if (!view || !state || !ctx || !template)
    return { loading: script.isLoading, template: null, checklist: null, whenTicksSaved };
  const ticked = withPendingTicks(ticks.data?.script === key ? ticks.data.checkIds : [], pending, key);
  const checklist = scriptChecklist(template, state, ticked, scriptContext(state, ctx.policy, ctx.now));
  const toggle = (checkId: string, on: boolean) => {
    setPending((before) => {
      const ticks = new Map(before.script === key ? before.ticks : []);
      return { script: key, ticks: ticks.set(checkId, on) };
    });
    const saved = save.mutateAsync({ script: key, checkId, ticked: on });
    savingTicks.current = Promise.allSettled([savingTicks.current, saved]);
  };
  /** Ticks the first check-off of the branch taken that is left to the agent (the `x` key). */
  const tickNext = () => {
    const open = checklist.steps
      .filter((step) => step.taken)
      .flatMap((step) => step.items)
      .find((item) => !item.done && !item.byAction);
    if (open) toggle(open.check.id, true);
  };
  return { loading: ticks.isLoading, template, checklist, toggle, tickNext, whenTicksSaved };
}

export type CaseScript = ReturnType<typeof useCaseScript>;

function withPendingTicks(saved: readonly string[], pending: PendingTicks, script: string): string[] {
  if (pending.script !== script) return [...saved];
  const ticked = new Set(saved);
  for (const [checkId, on] of pending.ticks) {
    if (on) ticked.add(checkId);
    else ticked.delete(checkId);
  }
  return [...ticked];
}

/**
 * The stage the script offers once its steps are done (the public reply when the buyer could not
 * be reached), whether it may be taken now — the domain's transitionFollowingScript, the very
 * rule the API applies — and the command that takes it.
 */
export function useNextStage(input: {
  view: CaseView | undefined;
  script: CaseScript;
  state: CaseState | undefined;
  ctx: CommandContext | undefined;
  why: ((result: CommandResult) => string | null) | undefined;
  run: RunCommand;
  busy: boolean;
}) {
  const { view, script, state, ctx, why, run, busy } = input;
  const template = script.template;
  const buyerUnreachable = !!state && !!ctx && !hasReachedBuyer(state) && transition(state, { to: 'replying' }, ctx).ok;
  const next =
    template && view
      ? nextStepTransition(template, view.stage, { remedy: view.remedy?.type ?? null, buyerUnreachable })
      : null;
  const offered = next && next !== 'recorded' ? next : null;
  const refusal =
    offered && state && ctx && why
      ? why(transitionFollowingScript(state, { to: offered }, ctx, script.checklist ?? null))
      : null;
  const canMove = !!offered && !!script.checklist && refusal === null && !busy;
  const move = () => {
    if (canMove && template && offered) void run('transitions', { to: offered, script: scriptKey(template) });
  };
  return { offered, refusal, canMove, move };
}

export type NextStage = ReturnType<typeof useNextStage>;
