import { refusal, type Refusal } from '../refusals/refusal';
import type { Role } from '../shared/vocabulary';
import { checkPromotionWording, type PromotionTrapCode } from './promotion-wording';

/** The four checks of a promotion's rules, in the order they are signed. */
export const PROMOTION_SIGN_OFF_STEPS = ['setter', 'self_review', 'teammate', 'experience'] as const;
export type PromotionSignOffStep = (typeof PROMOTION_SIGN_OFF_STEPS)[number];

export interface PromotionSignOff {
  readonly step: PromotionSignOffStep;
  readonly by: string;
}

/** A written reason to go on despite a `warn` trap ("前N名 is verified in the order export"). */
export interface PromotionAcknowledgement {
  readonly code: PromotionTrapCode;
  readonly note: string;
}

export interface PromotionUnderReview {
  readonly wording: string;
  /** Whoever wrote the current wording: the setter. */
  readonly writtenBy: string;
  readonly signOffs: readonly PromotionSignOff[];
  readonly acknowledgements: readonly PromotionAcknowledgement[];
}

export interface PromotionSigner {
  readonly id: string;
  readonly role: Role;
}

const acknowledged = (promotion: PromotionUnderReview, code: PromotionTrapCode) =>
  promotion.acknowledgements.some((each) => each.code === code && each.note.trim().length > 0);

function personRefusal(promotion: PromotionUnderReview, step: PromotionSignOffStep, actor: PromotionSigner) {
  const earlier = promotion.signOffs.map((each) => each.by);
  switch (step) {
    case 'setter':
    case 'self_review':
      return actor.id === promotion.writtenBy ? null : refusal('promotion.setter_required', { step });
    case 'teammate':
      return earlier.includes(actor.id) ? refusal('promotion.different_person_required', { step }) : null;
    case 'experience':
      if (earlier.includes(actor.id)) return refusal('promotion.different_person_required', { step });
      return actor.role === 'agent' ? refusal('role.lead_required') : null;
  }
}

function trapRefusal(promotion: PromotionUnderReview): Refusal | null {
  const findings = checkPromotionWording(promotion.wording);
  const blocking = [...new Set(findings.filter((each) => each.severity === 'block').map((each) => each.code))];
  if (blocking.length > 0) return refusal('promotion.trap_blocking', { traps: blocking });
  const open = [
    ...new Set(
      findings
        .filter((each) => each.severity === 'warn' && !acknowledged(promotion, each.code))
        .map((each) => each.code),
    ),
  ];
  return open.length > 0 ? refusal('promotion.trap_not_acknowledged', { traps: open }) : null;
}

/**
 * Why `actor` may not sign `step` of a promotion's rules now, or null. The steps go in order; the
 * setter signs the setting and the self-review, a teammate and then a lead or admin of the
 * experience team sign after, each a different person; no one signs over an unfixed trap.
 */
export function promotionSignOffRefusal(
  promotion: PromotionUnderReview,
  step: PromotionSignOffStep,
  actor: PromotionSigner,
): Refusal | null {
  const expected = PROMOTION_SIGN_OFF_STEPS[promotion.signOffs.length];
  if (expected === undefined) return refusal('promotion.already_signed_off');
  if (step !== expected) return refusal('promotion.sign_off_out_of_order', { step, expected });
  return personRefusal(promotion, step, actor) ?? trapRefusal(promotion);
}

/** New wording by `by`: every sign-off and acknowledgement was given to the old words, so all start again. */
export function withWordingChanged(promotion: PromotionUnderReview, wording: string, by: string): PromotionUnderReview {
  if (wording === promotion.wording) return promotion;
  return { wording, writtenBy: by, signOffs: [], acknowledgements: [] };
}

/** Whether all four sign-offs are given. */
export function promotionSignedOff(promotion: PromotionUnderReview): boolean {
  return promotion.signOffs.length === PROMOTION_SIGN_OFF_STEPS.length;
}
