import { assertUnreachable, type RefusalCode } from '@chaping/domain';

/**
 * HTTP status of each refusal. Exhaustive: a new refusal code does not compile until it is mapped here.
 */
export function refusalStatus(code: RefusalCode): 403 | 404 | 409 | 422 {
  switch (code) {
    case 'role.lead_required':
    case 'role.admin_required':
    case 'access.case_forbidden':
    case 'privacy.not_assigned':
    case 'assignment.agents_only':
    case 'shift.not_your_agent':
      return 403;
    // Another agent won the race for the case: the loser's request conflicts with what exists now.
    case 'assignment.already_taken':
      return 409;
    case 'compensation.not_found':
    case 'reply.not_found':
      return 404;
    case 'stage.transition_not_allowed':
    case 'stage.case_closed':
    case 'stage.wrong_stage':
    case 'contact.do_not_contact':
    case 'contact.reason_required':
    case 'contact.phone_limit_reached':
    case 'contact.quiet_hours':
    case 'contact.lunch_rest':
    case 'contact.too_soon':
    case 'contact.not_reached':
    case 'contact.attempts_not_exhausted':
    case 'root_cause.not_confirmed':
    case 'remedy.missing':
    case 'remedy.not_done':
    case 'compensation.malicious_case':
    case 'compensation.tied_to_review':
    case 'compensation.invalid_amount':
    case 'compensation.not_pending_approval':
    case 'compensation.approval_required':
    case 'compensation.rejected':
    case 'compensation.already_paid':
    case 'compensation.awaiting_decision':
    case 'reply.already_published':
    case 'reply.platform_reply_exists':
    case 'reply.personal_data':
    case 'reply.abusive':
    case 'reply.tied_to_review':
    case 'reply.invalid_length':
    case 'reply.no_follow_up':
    case 'reply.not_published':
    case 'reply.sending':
    case 'appeal.not_flagged_malicious':
    case 'appeal.deadline_passed':
    case 'appeal.evidence_required':
    case 'appeal.already_filed':
    case 'appeal.not_filed':
    case 'appeal.result_already_recorded':
    case 'appeal.awaiting_result':
    case 'record.incomplete':
    case 'script.incomplete':
    case 'script.check_by_action':
    case 'script.check_unknown':
    case 'script.not_followed':
    case 'reopen.not_closed':
    case 'reopen.reason_required':
    case 'revision.platform_forbids':
    case 'revision.benefit_mentioned':
    case 'revision.already_requested':
    case 'triage.reason_required':
    case 'triage.unchanged':
    case 'triage.invalid_sub_cause':
    case 'triage.appeal_filed':
    case 'triage.no_second_suggestion':
    case 'triage.not_second_suggestion':
    case 'assignment.reason_required':
    case 'assignment.unchanged':
    case 'assignment.no_shop_access':
    case 'shift.agents_only':
    case 'privacy.reason_required':
    case 'care.text_not_allowed':
    case 'care.frequency_cap':
    case 'care.task_closed':
    case 'care.problem_note_required':
    case 'care.message_required':
    case 'care.invalid_schedule':
    case 'care.invalid_rate':
    case 'care.invalid_channels':
    case 'care.channel_not_allowed':
    case 'alerts.webhook_invalid':
    case 'alerts.webhook_not_https':
    case 'alerts.webhook_host_not_allowed':
    case 'alerts.secret_required':
    case 'promotion.sign_off_out_of_order':
    case 'promotion.already_signed_off':
    case 'promotion.setter_required':
    case 'promotion.different_person_required':
    case 'promotion.trap_blocking':
    case 'promotion.trap_not_acknowledged':
    case 'forecast.invalid_hour':
    case 'forecast.too_many_hours':
    case 'forecast.invalid_orders':
    case 'forecast.invalid_rate':
    case 'forecast.invalid_delay':
    case 'forecast.invalid_handling':
    case 'roster.invalid_shifts':
    case 'roster.invalid_need':
      return 422;
    default:
      return assertUnreachable(code);
  }
}
