import type { Policy, PolicyOrigin, PolicyOverride, ScriptTemplate } from '@chaping/domain';

import type { components } from './api-schema';

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

async function send<T>(
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  path: string,
  locale: string,
  body?: unknown,
  extraHeaders: Record<string, string> = {},
): Promise<T> {
  // A form (a file upload) sets its own multipart content type, boundary included.
  const isJson = body !== undefined && !(body instanceof FormData);
  const response = await fetch(path, {
    method,
    credentials: 'same-origin',
    headers: {
      ...extraHeaders,
      'accept-language': locale,
      accept: 'application/json',
      ...(isJson ? { 'content-type': 'application/json' } : {}),
    },
    ...(body === undefined ? {} : { body: isJson ? JSON.stringify(body) : (body as FormData) }),
  });
  if (response.status === 204) return undefined as T;
  const answer = (await response.json().catch(() => ({}))) as { code?: string; message?: string };
  if (!response.ok)
    throw new ApiError(response.status, answer.code ?? 'http.error', answer.message ?? response.statusText);
  return answer as T;
}

/** Fetches JSON from the API; a non-2xx answer throws an ApiError with the API's own message. */
export const getJson = <T>(path: string, locale: string) => send<T>('GET', path, locale);
export const postJson = <T>(path: string, body: unknown, locale: string, headers?: Record<string, string>) =>
  send<T>('POST', path, locale, body, headers);
/** Posts a multipart form (a file upload); the answer is JSON like every other. */
export const postForm = <T>(path: string, form: FormData, locale: string) => send<T>('POST', path, locale, form);
export const putJson = <T>(path: string, body: unknown, locale: string) => send<T>('PUT', path, locale, body);
export const patchJson = <T>(path: string, body: unknown, locale: string) => send<T>('PATCH', path, locale, body);
export const deleteJson = <T>(path: string, locale: string) => send<T>('DELETE', path, locale);

/**
 * A fresh Idempotency-Key: a command retried with it after a lost answer is applied once.
 * (getRandomValues, unlike randomUUID, also works when the app is served over plain http.)
 */
export const newIdempotencyKey = () =>
  Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, '0')).join('');

export const isSignedOut = (error: unknown) => error instanceof ApiError && error.status === 401;

type Schemas = components['schemas'];

/** API shapes, generated from the OpenAPI document of the API (`npm run api:types`), never hand-copied. */
export type Me = Schemas['MeDto'];
export type CaseSummary = Schemas['CaseSummaryDto'];
export type CasePage = Schemas['CasePageDto'];
export type CaseCounts = Schemas['CaseCountsDto'];
export type CaseView = Schemas['CaseViewDto'];
export type CaseEventView = Schemas['CaseEventDto'];
export type ErrorBody = Schemas['ErrorBodyDto'];
export type Shop = Schemas['ShopDto'];
export type Revealed = Schemas['RevealedDto'];
export type ImportJob = Schemas['ImportJobDto'];
export type ImportRejections = Schemas['ImportRejectionsDto'];
export type ImportRejection = ImportRejections['rejections'][number];
export type PendingCompensation = Schemas['PendingCompensationDto'];
export type SlaBoard = Schemas['SlaBoardDto'];
export type UserSummary = Schemas['UserDto'];
export type ApiKey = Schemas['ApiKeyDto'];
export type NewApiKey = Schemas['NewApiKeyDto'];
export type BulkReassignResult = Schemas['BulkReassignResultDto'];
export type MonthlyReport = Schemas['MonthlyReportDto'];
export type CauseRow = Schemas['CauseRowDto'];
export type ProductRow = Schemas['ProductRowDto'];
export type ActionItem = Schemas['ActionItemDto'];
export type ActionEffect = Schemas['ActionEffectDto'];
export type TeamDashboard = Schemas['TeamDashboardDto'];
export type AgentKpis = Schemas['AgentKpisDto'];
export type AgentKpi = Schemas['AgentKpiDto'];
export type HourlyView = Schemas['HourlyViewDto'];
export type ScriptVersion = Omit<Schemas['ScriptVersionDto'], 'template'> & { template: ScriptTemplate };
/** One saved version of a level: the organisation's whole policy, or the values a shop set itself. */
export type PolicyChange = Omit<Schemas['PolicyChangeDto'], 'policy'> & { policy: Partial<Policy> | PolicyOverride };
export type PolicyLevel = Omit<Schemas['PolicyLevelDto'], 'policy' | 'inherited' | 'own' | 'origins'> & {
  policy: Policy;
  inherited: Policy;
  own: Partial<Policy> | PolicyOverride;
  origins: Record<string, PolicyOrigin>;
};
