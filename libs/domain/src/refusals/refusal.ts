/**
 * A refusal is the domain saying "no" with a stable code a program can branch on
 * and parameters a message can be built from. Expected refusals are values, not exceptions.
 */
export const REFUSAL_CODES = [
  'stage.transition_not_allowed',
  'stage.case_closed',
  'stage.wrong_stage',
  'contact.do_not_contact',
  'contact.phone_limit_reached',
  'contact.quiet_hours',
  'contact.lunch_rest',
  'contact.too_soon',
  'contact.not_reached',
  'contact.attempts_not_exhausted',
  'root_cause.not_confirmed',
  'remedy.missing',
  'remedy.not_done',
  'compensation.malicious_case',
  'compensation.tied_to_review',
  'compensation.invalid_amount',
  'compensation.not_found',
  'compensation.not_pending_approval',
  'compensation.approval_required',
  'compensation.rejected',
  'compensation.already_paid',
  'compensation.awaiting_decision',
  'reply.already_published',
  'reply.platform_reply_exists',
  'reply.personal_data',
  'reply.abusive',
  'reply.tied_to_review',
  'reply.invalid_length',
  'reply.not_found',
  'reply.no_follow_up',
  'reply.not_published',
  'reply.sending',
  'appeal.not_flagged_malicious',
  'appeal.deadline_passed',
  'appeal.evidence_required',
  'appeal.already_filed',
  'appeal.not_filed',
  'appeal.result_already_recorded',
  'appeal.awaiting_result',
  'record.incomplete',
  'script.incomplete',
  'script.check_by_action',
  'script.check_unknown',
  'script.not_followed',
  'reopen.not_closed',
  'reopen.reason_required',
  'role.lead_required',
  'role.admin_required',
  'revision.platform_forbids',
  'revision.benefit_mentioned',
  'revision.already_requested',
  'triage.reason_required',
  'triage.unchanged',
  'triage.invalid_sub_cause',
  'triage.appeal_filed',
  'triage.no_second_suggestion',
  'triage.not_second_suggestion',
  'assignment.reason_required',
  'assignment.unchanged',
  'assignment.no_shop_access',
  'assignment.already_taken',
  'assignment.agents_only',
  'shift.agents_only',
  'shift.not_your_agent',
  'access.case_forbidden',
  'privacy.reason_required',
  'privacy.not_assigned',
  'contact.reason_required',
  'care.text_not_allowed',
  'care.frequency_cap',
  'care.task_closed',
  'care.problem_note_required',
  'care.message_required',
  'care.invalid_schedule',
  'care.invalid_rate',
  'care.invalid_channels',
  'care.channel_not_allowed',
  'alerts.webhook_invalid',
  'alerts.webhook_not_https',
  'alerts.webhook_host_not_allowed',
  'alerts.secret_required',
  'promotion.sign_off_out_of_order',
  'promotion.already_signed_off',
  'promotion.setter_required',
  'promotion.different_person_required',
  'promotion.trap_blocking',
  'promotion.trap_not_acknowledged',
  'forecast.invalid_hour',
  'forecast.too_many_hours',
  'forecast.invalid_orders',
  'forecast.invalid_rate',
  'forecast.invalid_delay',
  'forecast.invalid_handling',
  'forecast.no_rates',
  'forecast.history_incomplete',
  'roster.invalid_shifts',
  'roster.invalid_need',
  'roster.campaign_over',
  'roster.nothing_planned',
  'quiz.invalid_count',
  'quiz.invalid_question',
  'quiz.answers_mismatch',
  'campaign.no_promotions',
  'campaign.promotions_not_signed_off',
  'campaign.invalid_name',
  'campaign.invalid_window',
  'campaign.invalid_peak',
  'campaign.hour_outside',
  'quiz.not_published',
  'quiz.attempts_exhausted',
  'quiz.too_soon',
] as const;
export type RefusalCode = (typeof REFUSAL_CODES)[number];

export type RefusalParams = Record<string, string | number | readonly string[]>;

export interface Refusal {
  readonly code: RefusalCode;
  readonly params: RefusalParams;
}

export function refusal(code: RefusalCode, params: RefusalParams = {}): Refusal {
  return { code, params };
}

export function isRefusal(value: unknown): value is Refusal {
  return (
    typeof value === 'object' &&
    value !== null &&
    'code' in value &&
    (REFUSAL_CODES as readonly string[]).includes((value as Refusal).code)
  );
}

/** Makes a `switch` over a closed union exhaustive: adding a member breaks the build. */
export function assertUnreachable(value: never): never {
  throw new Error(`Unhandled value: ${String(value)}`);
}
