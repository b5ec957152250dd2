/** Fetches JSON from the API; a non-2xx answer throws with the API's own message. */
export async function getJson<T>(path: string, locale: string): Promise<T> {
  const response = await fetch(path, { headers: { 'accept-language': locale, accept: 'application/json' } });
  const body: unknown = await response.json();
  if (!response.ok) {
    const message = (body as { message?: string }).message ?? response.statusText;
    throw new Error(message);
  }
  return body as T;
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
