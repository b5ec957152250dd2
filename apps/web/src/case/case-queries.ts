import type { Policy, ScriptTemplate } from '@chaping/domain';

import { api, unwrap } from '../shared/api-client';
import type { components, operations } from '../shared/api-schema';

/** Query keys and fetchers of the case view, shared by the page and the start-up prefetch. */
export const caseQueryKey = (id: string) => ['case', id] as const;
/** The policy in force for a shop's cases (null: the organisation's default). */
export const policyQueryKey = (shopId: string | null) => ['policy', 'in-force', shopId] as const;

export const fetchCase = (id: string) => unwrap(api.GET('/api/cases/{id}', { params: { path: { id } } }));
export async function fetchPolicy(shopId: string | null): Promise<Policy> {
  // The OpenAPI document leaves the policy a free-form object; the API answers the domain's whole Policy.
  const policy: unknown = await unwrap(api.GET('/api/policy', { params: { query: { shopId: shopId ?? undefined } } }));
  return policy as Policy;
}

type ScriptQuery = operations['ScriptsController_select']['parameters']['query'];
export interface ScriptFor {
  /** The case's shop: its library decides the script. */
  shopId: string;
  stage: ScriptQuery['stage'];
  rootCause: ScriptQuery['rootCause'] | null;
  buyerType: ScriptQuery['buyerType'] | null;
}

export const scriptQueryKey = (selection: ScriptFor) =>
  ['script', selection.shopId, selection.stage, selection.rootCause, selection.buyerType] as const;

/** The call script a case follows, chosen by the API with the domain's selectScript from its shop's library. */
export async function fetchScript(selection: ScriptFor): Promise<{ template: ScriptTemplate | null }> {
  const { shopId, stage, rootCause, buyerType } = selection;
  const query = { shopId, stage, rootCause: rootCause ?? undefined, buyerType: buyerType ?? undefined };
  const { template } = await unwrap(api.GET('/api/scripts/select', { params: { query } }));
  // The OpenAPI document leaves a template a free-form object; the API answers the domain's ScriptTemplate.
  return { template: template as ScriptTemplate | null };
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
