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
