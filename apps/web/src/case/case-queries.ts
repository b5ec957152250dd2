import type { Policy, ScriptTemplate } from '@chaping/domain';

import { getJson, type CaseView } from '../shared/api';

/** Query keys and fetchers of the case view, shared by the page and the start-up prefetch. */
export const caseQueryKey = (id: string) => ['case', id] as const;
export const POLICY_QUERY = ['policy'] as const;

export const fetchCase = (id: string, locale: string) => getJson<CaseView>(`/api/cases/${id}`, locale);
export const fetchPolicy = (locale: string) => getJson<Policy>('/api/policy', locale);
export const SCRIPTS_QUERY = ['scripts'] as const;
/** The call scripts in use (latest version of each), as leads last saved them. */
export const fetchScripts = (locale: string) => getJson<ScriptTemplate[]>('/api/scripts', locale);
