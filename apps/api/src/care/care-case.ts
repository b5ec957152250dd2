import type { EntityManager } from 'typeorm';

import { reviewDeadlines, triageReview, type Policy } from '@chaping/domain';

import type { CareTaskRow } from './care.repository';

/**
 * Opens a case for a problem found in care, before any review exists (DESIGN §7a): stage new,
 * triaged from the buyer's words like a review, its clocks running from now. The case has no review
 * yet and counts as neutral until one arrives and joins it (see openCases).
 */
export async function openCareCase(
  manager: EntityManager,
  input: { task: CareTaskRow; note: string; assigneeId: string | null; policy: Policy; now: Date },
): Promise<string> {
  const { task, note, now } = input;
  const rating = 'neutral' as const;
  const triage = triageReview({ text: note, rating });
  const deadlines = reviewDeadlines(
    { platform: task.platform, severity: triage.severity, reviewedAt: now },
    input.policy,
  );
  const [row]: Array<{ id: string }> = await manager.query(
    `INSERT INTO support_case (shop_id, review_id, buyer_id, order_id, product_id, platform, stage, version, rating,
        severity, reviewed_at, assignee_id, suggested_root_cause, root_cause, first_contact_due_at, resolution_due_at,
        appeal_deadline_at, revision_window_ends_at, urgency_at, suggested_sub_cause, sub_cause, buyer_type, misclick,
        triage, has_follow_up, sku_name, source, care_task_id, care_note)
     VALUES ($1, NULL, $2, $3, $4, $5, 'new', 1, $6, $7, $8, $9, $10, $10, $11, $12, $13, $14, $11, $15, $15, $16,
        $17, $18, false, $19, 'care', $20, $21)
     RETURNING id`,
    [
      task.shop_id,
      task.buyer_id,
      task.order_id,
      task.product_id,
      task.platform,
      rating,
      triage.severity,
      now,
      input.assigneeId,
      triage.rootCause,
      deadlines.firstContactDueAt,
      deadlines.resolutionDueAt,
      deadlines.appealDeadlineAt,
      deadlines.revisionWindowEndsAt,
      triage.subCause,
      triage.buyerType,
      triage.misclick,
      JSON.stringify(triage),
      task.sku_name,
      task.id,
      note,
    ],
  );
  const caseId = (row as { id: string }).id;
  await manager.query(
    `INSERT INTO case_event (case_id, shop_id, case_version, type, actor_id, at, data)
     VALUES ($1, $2, 1, 'case_opened', 'system', $3, $4)`,
    [
      caseId,
      task.shop_id,
      now,
      JSON.stringify({
        source: 'care',
        careTaskId: task.id,
        careDay: task.day,
        suggestedRootCause: triage.rootCause,
        suggestedSubCause: triage.subCause,
        severity: triage.severity,
        buyerType: triage.buyerType,
        misclick: triage.misclick,
        assigneeId: input.assigneeId,
      }),
    ],
  );
  return caseId;
}
