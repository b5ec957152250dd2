import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { refusalMessage, type CommandContext, type CommandResult, type Locale, type Policy } from '@chaping/domain';

import { useMe } from '../auth/session';
import { ApiError, newIdempotencyKey, postJson, type CaseView } from '../shared/api';
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
 * Runs one case command against the version on screen. A 409 means someone else changed the case
 * meanwhile: nothing was written, and the page says so instead of silently reloading over it.
 */
export function useCaseCommand(view: CaseView | undefined) {
  const { i18n } = useTranslation();
  const client = useQueryClient();
  const [stale, setStale] = useState(false);
  const mutation = useMutation({
    mutationFn: ({ path, body, key }: { path: string; body: Record<string, unknown>; key: string }) =>
      postJson<CaseView>(`/api/cases/${view?.id}/${path}`, { ...body, expectedVersion: view?.version }, i18n.language, {
        'idempotency-key': key,
      }),
    // Only a request that got no answer is sent again, with the same key: the API applies it once
    // (compensations) or answers 409 because the first attempt already moved the version.
    retry: (failures, error) => failures < 2 && !(error instanceof ApiError),
    onSuccess: (updated) => {
      client.setQueryData(caseQueryKey(updated.id), updated);
      void client.invalidateQueries({ queryKey: ['cases'] });
      void client.invalidateQueries({ queryKey: ['case-counts'] });
    },
  });
  const run = async (path: string, body: Record<string, unknown> = {}): Promise<CommandOutcome> => {
    try {
      await mutation.mutateAsync({ path, body, key: newIdempotencyKey() });
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
