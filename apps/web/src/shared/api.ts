/** A non-2xx answer of the API, with its stable code and the message it wrote for people. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

async function send<T>(method: 'GET' | 'POST', path: string, locale: string, body?: unknown): Promise<T> {
  const response = await fetch(path, {
    method,
    credentials: 'same-origin',
    headers: {
      'accept-language': locale,
      accept: 'application/json',
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (response.status === 204) return undefined as T;
  const answer = (await response.json().catch(() => ({}))) as { code?: string; message?: string };
  if (!response.ok)
    throw new ApiError(response.status, answer.code ?? 'http.error', answer.message ?? response.statusText);
  return answer as T;
}

/** Fetches JSON from the API; a non-2xx answer throws an ApiError with the API's own message. */
export const getJson = <T>(path: string, locale: string) => send<T>('GET', path, locale);
export const postJson = <T>(path: string, body: unknown, locale: string) => send<T>('POST', path, locale, body);

export const isSignedOut = (error: unknown) => error instanceof ApiError && error.status === 401;

export interface Me {
  id: string;
  username: string;
  displayName: string;
  role: 'agent' | 'lead' | 'admin';
  shopIds: string[];
}

export interface CaseSummary {
  id: string;
  shopName: string;
  platform: string;
  stage: string;
  severity: 'low' | 'medium' | 'high' | 'critical';
  buyerNickname: string;
  reviewText: string;
  urgencyAt: string;
  assigneeName: string | null;
}

export interface CasePage {
  items: CaseSummary[];
  nextCursor: string | null;
}

export interface CaseView {
  id: string;
  shopName: string;
  stage: string;
  severity: string;
  buyer: { nickname: string; phone: string | null };
  review: { text: string; reviewedAt: string };
  deadlines: { firstContactDueAt: string; resolutionDueAt: string; appealDeadlineAt: string };
  events: Array<{ id: string; type: string; at: string; data: Record<string, unknown> }>;
}
