import type { TFunction } from 'i18next';

import {
  replyFailureMessage,
  rootCauseLabel,
  stageLabel,
  subCauseLabel,
  type Locale,
  type ReplyFailure,
  type RootCause,
} from '@chaping/domain';

import type { CaseEventView } from '../shared/api';
import { yuan } from '../shared/money';

import './triage-i18n';

const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() ? value.trim() : null);
const num = (value: unknown): number | null => (typeof value === 'number' ? value : null);

/**
 * What an event of the history says beyond its name — the note, amount, reply text, outcome or
 * reason it carries — as lines a person reads: codes become words, free text is shown as written.
 */
export function eventDetails(event: CaseEventView, t: TFunction, locale: Locale): string[] {
  const data = event.data;
  const lines: Array<string | null> = [];
  const note = text(data['note']);
  const amount = num(data['amountFen']);
  switch (event.type) {
    case 'stage_changed':
      lines.push(`→ ${stageLabel(String(data['to']), locale)}`);
      if (text(data['reason'])) lines.push(t('caseView.detail.reason', { reason: text(data['reason']) }));
      break;
    case 'contact_attempt_logged':
      lines.push(`${t(`channel.${String(data['channel'])}`)} · ${t(`outcome.${String(data['outcome'])}`)}`);
      if (note) lines.push(note);
      break;
    case 'waiting_started':
      lines.push(t(`caseView.detail.waiting.${String(data['reason'])}`));
      break;
    case 'waiting_ended':
      lines.push(t('caseView.detail.paused', { minutes: Math.round((num(data['pausedForMs']) ?? 0) / 60_000) }));
      break;
    case 'root_cause_confirmed':
    case 'malicious_flagged':
      if (text(data['after'])) lines.push(rootCauseLabel(String(data['after']) as RootCause, locale));
      if (text(data['subCause'])) lines.push(subCauseLabel(String(data['subCause']), locale));
      if (text(data['kind'])) lines.push(t(`malicious.${String(data['kind'])}`));
      if (text(data['reason'])) lines.push(t('caseView.detail.reason', { reason: text(data['reason']) }));
      break;
    case 'triage_overridden':
      if (data['field'] === 'rootCause') {
        const label = (value: unknown) => (text(value) ? rootCauseLabel(String(value) as RootCause, locale) : '—');
        lines.push(`${label(data['before'])} → ${label(data['after'])}`);
      }
      if (data['via'] === 'second_suggestion') lines.push(t('triageHint.taken'));
      if (text(data['reason'])) lines.push(t('caseView.detail.reason', { reason: text(data['reason']) }));
      break;
    case 'remedy_recorded':
      lines.push(`${t(`remedy.${String(data['type'])}`)} · ${t(`remedyStatus.${String(data['status'])}`)}`);
      if (note) lines.push(note);
      break;
    case 'compensation_proposed':
      lines.push(
        `${t(`compensationType.${String(data['type'])}`)} ${yuan(amount ?? 0)} · ${t(`compensationStatus.${String(data['status'])}`)}`,
      );
      if (num(data['limitFen']) !== null)
        lines.push(t('caseView.detail.limit', { limit: yuan(num(data['limitFen']) ?? 0) }));
      if (note) lines.push(note);
      break;
    case 'compensation_rejected':
      lines.push(
        note ? t('caseView.detail.rejectReason', { reason: note }) : t('caseView.compensation.rejectedNoReason'),
      );
      break;
    case 'compensation_approved':
      if (note) lines.push(t('caseView.detail.note', { note }));
      break;
    case 'compensation_paid':
      if (amount !== null) lines.push(yuan(amount));
      break;
    case 'reply_refused':
      lines.push(
        replyFailureMessage(
          { reason: String(data['reason']) as ReplyFailure, platformMessage: text(data['platformMessage']) },
          locale,
        ),
      );
      break;
    case 'reply_drafted':
    case 'reply_sending':
    case 'reply_published':
    case 'review_follow_up_added':
    case 'review_seller_replied':
      lines.push(text(data['text']) && `“${text(data['text'])}”`);
      break;
    case 'appeal_filed':
      lines.push(t(`malicious.${String(data['kind'])}`));
      lines.push(
        t('caseView.detail.evidence', { count: Array.isArray(data['evidenceRefs']) ? data['evidenceRefs'].length : 0 }),
      );
      if (note) lines.push(note);
      break;
    case 'appeal_result_recorded':
      lines.push(t(`appeal.results.${String(data['result'])}`));
      if (note) lines.push(note);
      break;
    case 'review_outcome_recorded':
      lines.push(t(`reviewOutcome.${String(data['after'])}`));
      break;
    case 'case_recorded':
      lines.push(text(data['actionsTaken']));
      lines.push(t('caseView.detail.outcome', { outcome: t(`reviewOutcome.${String(data['outcome'])}`) }));
      if (text(data['specialNotes'])) lines.push(t('caseView.detail.notes', { notes: text(data['specialNotes']) }));
      break;
    case 'record_reviewed':
      lines.push(t('caseView.detail.score', { score: num(data['score']) ?? 0 }));
      lines.push(text(data['comment']));
      break;
    case 'script_check_ticked': {
      const check = text(data[locale === 'zh-CN' ? 'textZh' : 'textEn']);
      if (check) lines.push(t(data['ticked'] ? 'caseView.script.ticked' : 'caseView.script.unticked', { check }));
      break;
    }
    case 'review_rating_revised':
      lines.push(
        `${t(`caseView.detail.rating.${String(data['from'])}`)} → ${t(`caseView.detail.rating.${String(data['to'])}`)}`,
      );
      break;
    default:
      // Reopening, do-not-contact, reassignment, triage corrections, reveals: the reason written.
      if (text(data['reason'])) lines.push(t('caseView.detail.reason', { reason: text(data['reason']) }));
  }
  return lines.filter((line): line is string => !!line);
}
