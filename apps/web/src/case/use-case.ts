import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';

import {
  refusalMessage,
  type CommandContext,
  type CommandResult,
  type Locale,
  type Policy,
  type TriageOverrideInput,
} from '@chaping/domain';

import { useMe } from '../auth/session';
import { ApiError, newIdempotencyKey, type CaseView } from '../shared/api';
import { api, unwrap } from '../shared/api-client';
import type { paths } from '../shared/api-schema';
import { useNow } from '../shared/use-now';
import { caseQueryKey, fetchCase, fetchPolicy, policyQueryKey } from './case-queries';
import { caseStateFromView } from './case-state';

export function useCaseView(id: string | undefined) {
  return useQuery({
    queryKey: caseQueryKey(id ?? ''),
    queryFn: () => fetchCase(id ?? ''),
    enabled: !!id,
    // A reply on its way to the platform is answered within seconds: look again until it is.
    refetchInterval: (query) => (query.state.data?.replies.some((reply) => reply.status === 'sending') ? 3_000 : false),
  });
}

/** The policy in force for the case's shop: each shop may set its own values. */
export function usePolicy(shopId: string | undefined) {
  return useQuery({
    queryKey: policyQueryKey(shopId ?? null),
    queryFn: () => fetchPolicy(shopId ?? null),
    staleTime: 10 * 60_000,
    enabled: shopId !== undefined,
  });
}

/**
 * The domain's view of the case and a context to ask its commands "would this be allowed now?".
 * `why(result)` turns a refusal into the sentence the API would answer with.
 */
export function useDomainCheck(view: CaseView | undefined, policy: Policy | undefined) {
  const { i18n } = useTranslation();
  const me = useMe();
  const locale = i18n.language as Locale;
  // Time-bound rules (call spacing, quiet hours) open and close as the clock moves.
  const now = useNow(5000);
  return useMemo(() => {
    if (!view || !policy || !me.data) return null;
    const ctx: CommandContext = {
      now: new Date(now),
      actor: { id: me.data.id, role: me.data.role },
      policy,
      newId: () => 'preview',
    };
    const why = (result: CommandResult): string | null => (result.ok ? null : refusalMessage(result.refusal, locale));
    return { state: caseStateFromView(view), ctx, why, locale };
  }, [view, policy, me.data, locale, now]);
}

export type CommandOutcome = { ok: true } | { ok: false; message: string; stale: boolean };

/**
 * A case command, named by its route under /api/cases/{id}/ in the OpenAPI document: the POST
 * routes that answer with the case (`transitions`, `compensations/{compensationId}/reject`…).
 */
export type CaseCommand = {
  [P in keyof paths]: P extends `/api/cases/{id}/${infer Command}`
    ? paths[P]['post'] extends { responses: { 200: { content: { 'application/json': CaseView } } } }
      ? Command
      : never
    : never;
}[keyof paths];
type CommandRoute<C extends CaseCommand> = NonNullable<paths[`/api/cases/{id}/${C}`]['post']>;
/** What a command sends: its body less the case's version, which is added here. */
export type CommandBody<C extends CaseCommand> =
  CommandRoute<C> extends { requestBody: { content: { 'application/json': infer Body } } }
    ? Omit<Body, 'expectedVersion'>
    : never;
/** The ids in a command's route besides the case's (a compensation's, a reply's). */
export type CommandIds<C extends CaseCommand> = Omit<CommandRoute<C>['parameters']['path'], 'id'>;
/** A triage override as the API takes it: the domain reads a null sub-cause as none, the API an absent one. */
export const triageOverrideBody = (input: TriageOverrideInput) =>
  input.field === 'rootCause' ? { ...input, subCause: input.subCause ?? undefined } : input;

type CommandRequest = { command: CaseCommand; body: object; ids: object; key: string };
/** Runs a command: its body, then, for a route naming a compensation or a reply, that one's id. */
export type RunCommand = <C extends CaseCommand>(
  command: C,
  body: CommandBody<C>,
  ...ids: keyof CommandIds<C> extends never ? [] : [ids: CommandIds<C>]
) => Promise<CommandOutcome>;

/**
 * Runs one case command against the version on screen. A 409 means someone else changed the case
 * meanwhile: nothing was written, and the page says so instead of silently reloading over it.
 */
export function useCaseCommand(view: CaseView | undefined) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [stale, setStale] = useState(false);
  const mutation = useMutation({
    mutationFn: ({ command, body, ids, key }: CommandRequest) => {
      // Commands are offered only on a case on screen.
      if (!view) throw new Error(t('error'));
      // The route is one of CaseCommand's; RunCommand ties the body and the ids to it.
      return unwrap(
        api.POST(`/api/cases/{id}/${command}`, {
          params: { path: { ...ids, id: view.id } },
          body: { ...body, expectedVersion: view.version },
          headers: { 'idempotency-key': key },
        }),
      );
    },
    // Only a request that got no answer is sent again, with the same key: the API applies it once
    // (compensations) or answers 409 because the first attempt already moved the version.
    retry: (failures, error) => failures < 2 && !(error instanceof ApiError),
    onSuccess: (updated) => {
      client.setQueryData(caseQueryKey(updated.id), updated);
      void client.invalidateQueries({ queryKey: ['cases'] });
      void client.invalidateQueries({ queryKey: ['case-counts'] });
    },
  });
  const run: RunCommand = async (command, body, ...ids) => {
    try {
      await mutation.mutateAsync({ command, body, ids: ids[0] ?? {}, key: newIdempotencyKey() });
      return { ok: true };
    } catch (error) {
      const conflict = error instanceof ApiError && error.status === 409;
      if (conflict) setStale(true);
      return { ok: false, message: error instanceof Error ? error.message : String(error), stale: conflict };
    }
  };
  const reload = async () => {
    setStale(false);
    if (view) await client.invalidateQueries({ queryKey: caseQueryKey(view.id) });
  };
  return { run, busy: mutation.isPending, stale, reload };
}

/** Everything the case page shows and does: the case, the domain's view of it, and its commands. */
export function useCasePage(id: string | undefined) {
  const query = useCaseView(id);
  const policy = usePolicy(query.data?.shopId);
  const me = useMe();
  const check = useDomainCheck(query.data, policy.data);
  const command = useCaseCommand(query.data);
  return { query, view: query.data, check, command, me: me.data };
}
