import type {
  Appeal,
  ApprovalReason,
  CaseState,
  Compensation,
  ContactAttempt,
  PublicReply,
  Remedy,
  ScriptTemplate,
} from '@chaping/domain';

import type { CaseEntity, StoredCaseRecord } from './case.entity';

/** One row of CASE_SQL: the case columns plus its buyer, order, product, review and children as JSON. */
export interface CaseRow {
  id: string;
  shop_id: string;
  shop_name: string;
  review_id: string | null;
  buyer_id: string;
  order_id: string | null;
  product_id: string | null;
  platform: CaseEntity['platform'];
  stage: CaseEntity['stage'];
  version: number;
  rating: CaseEntity['rating'];
  severity: CaseEntity['severity'];
  reviewed_at: Date;
  assignee_id: string | null;
  assignee_name: string | null;
  suggested_root_cause: CaseEntity['suggestedRootCause'];
  root_cause: CaseEntity['rootCause'];
  sub_cause: string | null;
  suggested_sub_cause: string | null;
  buyer_type: CaseEntity['buyerType'];
  misclick: boolean;
  triage: CaseEntity['triage'];
  qa_review: CaseEntity['qaReview'];
  root_cause_confirmed: boolean;
  malicious_kind: CaseEntity['maliciousKind'];
  has_follow_up: boolean;
  first_contact_at: Date | null;
  first_contact_due_at: Date;
  resolution_due_at: Date;
  appeal_deadline_at: Date;
  revision_window_ends_at: Date;
  urgency_at: Date;
  waiting_reason: CaseEntity['waitingReason'];
  waiting_since: Date | null;
  paused_ms: string;
  revision_requested_at: Date | null;
  review_outcome: CaseEntity['reviewOutcome'];
  record: StoredCaseRecord | null;
  closed_from_stage: CaseEntity['closedFromStage'];
  closed_at: Date | null;
  buyer_platform_id: string;
  buyer_nickname: string;
  buyer_real_name: string | null;
  buyer_phone: string | null;
  buyer_address: string | null;
  buyer_time_zone: string;
  buyer_do_not_contact: boolean;
  product_title: string | null;
  platform_product_id: string | null;
  platform_order_id: string | null;
  order_sku_name: string | null;
  ordered_at: Date | null;
  order_amount_fen: number | null;
  platform_review_id: string;
  review_text: string;
  review_follow_up_text: string | null;
  review_follow_up_at: Date | null;
  review_platform_state: string;
  review_current_rating: string;
  review_seller_reply: string | null;
  attempts: JsonRow[];
  remedy: JsonRow | null;
  compensations: JsonRow[];
  replies: JsonRow[];
  appeal: JsonRow | null;
}

type JsonRow = Record<string, unknown>;

/** Everything about one case in one statement; the children arrive as JSON arrays. */
const CASE_COLUMNS = `
  c.*, s.name AS shop_name, u.display_name AS assignee_name,
    b.platform_buyer_id AS buyer_platform_id, b.nickname AS buyer_nickname, b.real_name AS buyer_real_name,
    b.phone AS buyer_phone, b.address AS buyer_address, b.time_zone AS buyer_time_zone,
    b.do_not_contact AS buyer_do_not_contact,
    p.title AS product_title, p.platform_product_id,
    o.platform_order_id, o.sku_name AS order_sku_name, o.ordered_at, o.amount_fen AS order_amount_fen,
    COALESCE(r.platform_review_id, '') AS platform_review_id, COALESCE(r.text, c.care_note, '') AS review_text,
    r.follow_up_text AS review_follow_up_text, r.follow_up_at AS review_follow_up_at,
    COALESCE(r.platform_state, 'active') AS review_platform_state,
    COALESCE(r.current_rating, c.rating) AS review_current_rating, r.seller_reply AS review_seller_reply,
    COALESCE((SELECT json_agg(a ORDER BY a.at, a.id) FROM contact_attempt a WHERE a.case_id = c.id), '[]') AS attempts,
    (SELECT row_to_json(m) FROM remedy m WHERE m.case_id = c.id) AS remedy,
    COALESCE((SELECT json_agg(x ORDER BY x.proposed_at, x.id) FROM compensation x WHERE x.case_id = c.id), '[]') AS compensations,
    COALESCE((SELECT json_agg(pr ORDER BY pr.drafted_at, pr.id) FROM public_reply pr WHERE pr.case_id = c.id), '[]') AS replies,
    (SELECT row_to_json(ap) FROM appeal ap WHERE ap.case_id = c.id) AS appeal`;

const CASE_FROM = `
  FROM support_case c
  JOIN shop s ON s.id = c.shop_id
  JOIN buyer b ON b.id = c.buyer_id
  -- A case opened by care has no review until the buyer's arrives; it shows the problem found meanwhile.
  LEFT JOIN review r ON r.id = c.review_id
  LEFT JOIN app_user u ON u.id = c.assignee_id
  LEFT JOIN product p ON p.id = c.product_id
  LEFT JOIN trade_order o ON o.id = c.order_id`;

/**
 * The buyer's compensations on their other cases since `since` — BuyerCompensationHistory in SQL,
 * for the case view and for proposing a compensation alike (a refused one does not count).
 */
export const otherCompensationsSql = (caseId: string, buyerId: string, since: string) =>
  `(SELECT count(*)::int FROM compensation x
     WHERE x.buyer_id = ${buyerId} AND x.case_id <> ${caseId} AND x.status <> 'rejected' AND x.proposed_at >= ${since})`;

/** The case with everything a command needs, by id ($1). */
export const CASE_SQL = `SELECT ${CASE_COLUMNS} ${CASE_FROM} WHERE c.id = $1`;

/** The script versions saved for a case's shop and the organisation, and the ticks on the case. */
export interface ScriptFactsRow {
  saved_scripts: Array<{ template: ScriptTemplate; shop_id: string | null }> | null;
  script_ticks: Array<{ script_id: string; script_version: number; check_id: string }> | null;
}

/**
 * CASE_SQL plus what the script gate of the case's stage needs, in the same statement: the
 * script versions its shop follows and every check-off ticked by hand on the case.
 */
export const CASE_WITH_SCRIPT_SQL = `SELECT ${CASE_COLUMNS},
    (SELECT json_agg(json_build_object('template', st.template, 'shop_id', st.shop_id) ORDER BY st.id, st.version)
       FROM script_template st WHERE st.shop_id IS NULL OR st.shop_id = c.shop_id) AS saved_scripts,
    (SELECT json_agg(json_build_object('script_id', t.script_id, 'script_version', t.script_version,
                                       'check_id', t.check_id) ORDER BY t.ticked_at, t.check_id)
       FROM case_script_tick t WHERE t.case_id = c.id) AS script_ticks
  ${CASE_FROM} WHERE c.id = $1`;

/**
 * The same plus what the case view shows besides: the history, and the buyer's compensations on
 * other cases since the start of the period of the case's shop — $3 maps the shops with a period of
 * their own to its start, $2 is the organisation's (the web shows whether a lead must approve
 * before submitting) — one round trip.
 */
export const CASE_VIEW_SQL = `SELECT ${CASE_COLUMNS},
    COALESCE((SELECT json_agg(e ORDER BY e.id) FROM (
      SELECT id, type, actor_id, at, case_version, data FROM case_event WHERE case_id = c.id) e), '[]') AS events,
    ${otherCompensationsSql('c.id', 'c.buyer_id', 'COALESCE(($3::jsonb ->> c.shop_id::text)::timestamptz, $2)')} AS other_compensations
  ${CASE_FROM} WHERE c.id = $1`;

const date = (value: unknown): Date => new Date(value as string);
const optionalDate = (value: unknown): Date | null => (value === null || value === undefined ? null : date(value));
const text = (value: unknown): string | null => (value === null || value === undefined ? null : String(value));

const toAttempt = (row: JsonRow): ContactAttempt => ({
  id: String(row['id']),
  channel: row['channel'] as ContactAttempt['channel'],
  outcome: row['outcome'] as ContactAttempt['outcome'],
  at: date(row['at']),
  note: text(row['note']),
  actorId: String(row['actor_id']),
});

const toRemedy = (row: JsonRow): Remedy => ({
  id: String(row['id']),
  type: row['type'] as Remedy['type'],
  status: row['status'] as Remedy['status'],
  note: text(row['note']),
  updatedAt: date(row['updated_at']),
});

const toCompensation = (row: JsonRow): Compensation => ({
  id: String(row['id']),
  type: row['type'] as Compensation['type'],
  amountFen: Number(row['amount_fen']),
  note: String(row['note']),
  status: row['status'] as Compensation['status'],
  approvalReasons: (row['approval_reasons'] as ApprovalReason[] | null) ?? [],
  proposedAt: date(row['proposed_at']),
  proposedBy: String(row['proposed_by']),
  decidedAt: optionalDate(row['decided_at']),
  decidedBy: text(row['decided_by']),
  decisionNote: text(row['decision_note']),
  payoutDueAt: optionalDate(row['payout_due_at']),
  paidAt: optionalDate(row['paid_at']),
});

const toReply = (row: JsonRow): PublicReply => ({
  id: String(row['id']),
  target: row['target'] as PublicReply['target'],
  text: String(row['text']),
  status: row['status'] as PublicReply['status'],
  draftedAt: date(row['drafted_at']),
  publishedAt: optionalDate(row['published_at']),
  delivery: (row['delivery'] as PublicReply['delivery'] | undefined) ?? null,
  failure: (row['failure'] as PublicReply['failure'] | undefined) ?? null,
});

const toAppeal = (row: JsonRow): Appeal => ({
  id: String(row['id']),
  kind: row['kind'] as Appeal['kind'],
  evidenceRefs: (row['evidence_refs'] as string[] | null) ?? [],
  note: text(row['note']),
  filedAt: date(row['filed_at']),
  result: (row['result'] as Appeal['result']) ?? null,
  resultNote: text(row['result_note']),
  resultAt: optionalDate(row['result_at']),
});

export function productModelOf(row: Pick<CaseRow, 'product_title' | 'order_sku_name'>): string | null {
  const parts = [row.product_title, row.order_sku_name].filter((part): part is string => !!part?.trim());
  return parts.length > 0 ? parts.join(' ') : null;
}

export function toCaseState(row: CaseRow): CaseState {
  return {
    id: row.id,
    shopId: row.shop_id,
    platform: row.platform,
    stage: row.stage,
    rating: row.rating,
    severity: row.severity,
    reviewedAt: row.reviewed_at,
    buyerId: row.buyer_id,
    assigneeId: row.assignee_id,
    buyerType: row.buyer_type,
    misclick: row.misclick,
    buyerTimeZone: row.buyer_time_zone,
    buyerDoNotContact: row.buyer_do_not_contact,
    buyerKnownNames: row.buyer_real_name ? [row.buyer_real_name] : [],
    productModel: productModelOf(row),
    hasFollowUp: row.has_follow_up,
    reviewState: row.review_platform_state as CaseState['reviewState'],
    reviewSellerReply: row.review_seller_reply?.trim() || null,
    suggestedRootCause: row.suggested_root_cause,
    // Cases triaged before the second suggestion existed carry neither key.
    suggestedSecondCause: row.triage?.secondCause ?? null,
    causeDisagreement: row.triage?.disagreement ?? false,
    rootCause: row.root_cause,
    subCause: row.sub_cause,
    rootCauseConfirmed: row.root_cause_confirmed,
    maliciousKind: row.malicious_kind,
    contactAttempts: row.attempts.map(toAttempt),
    firstContactAt: row.first_contact_at,
    remedy: row.remedy ? toRemedy(row.remedy) : null,
    compensations: row.compensations.map(toCompensation),
    replies: row.replies.map(toReply),
    appeal: row.appeal ? toAppeal(row.appeal) : null,
    waiting: row.waiting_reason && row.waiting_since ? { reason: row.waiting_reason, since: row.waiting_since } : null,
    pausedMs: Number(row.paused_ms),
    revisionRequestedAt: row.revision_requested_at,
    reviewOutcome: row.review_outcome,
    record: row.record ? { ...row.record, recordedAt: date(row.record.recordedAt) } : null,
    closedFromStage: row.closed_from_stage,
    qaReview: row.qa_review ? { ...row.qa_review, reviewedAt: date(row.qa_review.reviewedAt) } : null,
  };
}
