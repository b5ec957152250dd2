import type { Policy, ScriptTemplate } from '@chaping/domain';

import { getJson, type CaseView } from '../shared/api';

/** Query keys and fetchers of the case view, shared by the page and the start-up prefetch. */
export const caseQueryKey = (id: string) => ['case', id] as const;
export const POLICY_QUERY = ['policy'] as const;

export const fetchCase = (id: string, locale: string) => getJson<CaseView>(`/api/cases/${id}`, locale);
export const fetchPolicy = (locale: string) => getJson<Policy>('/api/policy', locale);
export interface ScriptFor {
  stage: string;
  rootCause: string | null;
  buyerType: string | null;
}

export const scriptQueryKey = (selection: ScriptFor) =>
  ['script', selection.stage, selection.rootCause, selection.buyerType] as const;

/** The call script a case follows, chosen by the API with the domain's selectScript (latest saved version). */
export function fetchScript(selection: ScriptFor, locale: string) {
  const params = new URLSearchParams({ stage: selection.stage });
  if (selection.rootCause) params.set('rootCause', selection.rootCause);
  if (selection.buyerType) params.set('buyerType', selection.buyerType);
  return getJson<{ template: ScriptTemplate | null }>(`/api/scripts/select?${params.toString()}`, locale);
}
