import type { Policy, ScriptTemplate } from '@chaping/domain';

import { getJson, type CaseView } from '../shared/api';
import { api, unwrap } from '../shared/api-client';
import type { components } from '../shared/api-schema';

/** Query keys and fetchers of the case view, shared by the page and the start-up prefetch. */
export const caseQueryKey = (id: string) => ['case', id] as const;
/** The policy in force for a shop's cases (null: the organisation's default). */
export const policyQueryKey = (shopId: string | null) => ['policy', 'in-force', shopId] as const;

export const fetchCase = (id: string, locale: string) => getJson<CaseView>(`/api/cases/${id}`, locale);
export const fetchPolicy = (shopId: string | null, locale: string) =>
  getJson<Policy>(shopId ? `/api/policy?shopId=${encodeURIComponent(shopId)}` : '/api/policy', locale);
export interface ScriptFor {
  /** The case's shop: its library decides the script. */
  shopId: string;
  stage: string;
  rootCause: string | null;
  buyerType: string | null;
}

export const scriptQueryKey = (selection: ScriptFor) =>
  ['script', selection.shopId, selection.stage, selection.rootCause, selection.buyerType] as const;

/** The call script a case follows, chosen by the API with the domain's selectScript from its shop's library. */
export function fetchScript(selection: ScriptFor, locale: string) {
  const params = new URLSearchParams({ shopId: selection.shopId, stage: selection.stage });
  if (selection.rootCause) params.set('rootCause', selection.rootCause);
  if (selection.buyerType) params.set('buyerType', selection.buyerType);
  return getJson<{ template: ScriptTemplate | null }>(`/api/scripts/select?${params.toString()}`, locale);
}

export type EarlierCase = components['schemas']['EarlierCaseDto'];
export const earlierCasesQueryKey = (id: string) => ['case', id, 'earlier-cases'] as const;
/** The buyer's earlier cases with the notes left on them (newest first, capped by the API). */
export const fetchEarlierCases = (id: string) =>
  unwrap(api.GET('/api/cases/{id}/earlier-cases', { params: { path: { id } } }));

/** The most urgent open case the agent may work other than `currentId`, or null when there is none. */
export async function fetchNextCaseId(currentId: string): Promise<string | null> {
  const page = await unwrap(api.GET('/api/cases', { params: { query: { limit: 5 } } }));
  return page.items.find((item) => item.id !== currentId)?.id ?? null;
}
