import type { Stage } from '../shared/vocabulary';

export const CASE_EVENT_TYPES = [
  'case_opened',
  'stage_changed',
  'contact_attempt_logged',
  'do_not_contact_set',
  'waiting_started',
  'waiting_ended',
  'root_cause_confirmed',
  'malicious_flagged',
  'remedy_recorded',
  'compensation_proposed',
  'compensation_approved',
  'compensation_rejected',
  'compensation_paid',
  'reply_drafted',
  'reply_published',
  'reply_sending',
  'reply_refused',
  'appeal_filed',
  'appeal_result_recorded',
  'revision_request_recorded',
  'review_outcome_recorded',
  'case_recorded',
  'case_reopened',
  'triage_overridden',
  'case_assigned',
  'case_reassigned',
  'case_claimed',
  'review_rating_revised',
  'review_deleted',
  'review_follow_up_added',
  'review_seller_replied',
  'review_joined',
  'personal_data_revealed',
  'record_reviewed',
  'script_check_ticked',
] as const;
export type CaseEventType = (typeof CASE_EVENT_TYPES)[number];

/** JSON-safe payload: dates travel as ISO strings so events can be stored and replayed. */
export type EventData = Record<string, string | number | boolean | null | readonly string[]>;

/** One immutable line of a case's history: who did what, when, and what changed. */
export interface CaseEvent {
  readonly type: CaseEventType;
  readonly actorId: string;
  readonly at: Date;
  readonly data: EventData;
}

export const stageChanged = (
  { from, to, reason }: { from: Stage; to: Stage; reason?: string | undefined },
  { actorId, at }: { actorId: string; at: Date },
): CaseEvent => ({
  type: 'stage_changed',
  actorId,
  at,
  data: { from, to, ...(reason ? { reason } : {}) },
});
