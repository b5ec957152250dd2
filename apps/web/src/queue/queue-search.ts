import {
  PLATFORMS,
  ROOT_CAUSES,
  SEVERITIES,
  STAGES,
  type Platform,
  type RootCause,
  type Severity,
  type Stage,
} from '@chaping/domain';

export const SCOPES = ['me', 'none', 'all'] as const;
export type Scope = (typeof SCOPES)[number];
export const STATUSES = ['open', 'closed', 'all'] as const;
export type Status = (typeof STATUSES)[number];
export const SORTS = ['urgency', 'newest', 'oldest'] as const;
export const OVERDUE = ['first_contact', 'resolution'] as const;
export type Overdue = (typeof OVERDUE)[number];
export type Sort = (typeof SORTS)[number];

/** Everything the queue shows is chosen by its URL: a link, a reload or Back brings the same list. */
export interface QueueSearch {
  scope: Scope;
  status: Status;
  sort: Sort;
  stage?: Stage;
  shopId?: string;
  rootCause?: RootCause;
  platform?: Platform;
  severity?: Severity;
  /** From the dashboard's numbers: the open cases past a deadline, or those reviewed on a day. */
  overdue?: Overdue;
  reviewedOn?: string;
  /** From an import's result: the cases that import opened. */
  importId?: string;
  q?: string;
}

/** Open cases, unless searching: a search looks through the archive too (the API's default). */
export const defaultStatus = (q: string | undefined): Status => (q ? 'all' : 'open');

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const oneOf = <T extends string>(values: readonly T[], value: string | null): T | undefined =>
  values.find((candidate) => candidate === value);

/** Reads the URL; anything unknown (an old or hand-edited link) falls back to the default. */
export function parseQueueSearch(params: URLSearchParams): QueueSearch {
  const text = (key: string) => params.get(key)?.trim().slice(0, 100) || undefined;
  const q = text('q');
  const day = params.get('reviewedOn');
  const importId = params.get('importId');
  return {
    scope: oneOf(SCOPES, params.get('scope')) ?? 'me',
    status: oneOf(STATUSES, params.get('status')) ?? defaultStatus(q),
    sort: oneOf(SORTS, params.get('sort')) ?? 'urgency',
    stage: oneOf(STAGES, params.get('stage')),
    shopId: text('shopId'),
    rootCause: oneOf(ROOT_CAUSES, params.get('rootCause')),
    platform: oneOf(PLATFORMS, params.get('platform')),
    severity: oneOf(SEVERITIES, params.get('severity')),
    overdue: oneOf(OVERDUE, params.get('overdue')),
    reviewedOn: day && /^\d{4}-\d{2}-\d{2}$/.test(day) ? day : undefined,
    importId: importId && UUID.test(importId) ? importId : undefined,
    q,
  };
}

/** The URL for a search: defaults left out, so the plain queue stays at "/". */
export function queueSearchParams(search: QueueSearch): URLSearchParams {
  const defaults: Partial<Record<keyof QueueSearch, string>> = {
    scope: 'me',
    status: defaultStatus(search.q),
    sort: 'urgency',
  };
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(search) as Array<[keyof QueueSearch, string | undefined]>) {
    if (value && defaults[key] !== value) params.set(key, value);
  }
  return params;
}

/** A new search keeps a status the person chose, and otherwise takes the default that fits it. */
export function changeQueueSearch(search: QueueSearch, patch: Partial<QueueSearch>): QueueSearch {
  const next = { ...search, ...patch };
  if ('q' in patch && !('status' in patch) && search.status === defaultStatus(search.q))
    next.status = defaultStatus(next.q);
  return next;
}
