import type { PromotionAcknowledgement, PromotionSignOffStep, PromotionUnderReview } from '@chaping/domain';

/** A promotion as the campaign's detail carries it. */
export interface Promotion {
  id: string;
  title: string;
  wording: string;
  writtenBy: { id: string; displayName: string };
  signOffs: Array<{ step: PromotionSignOffStep; by: { id: string; displayName: string }; at: string }>;
  acknowledgements: PromotionAcknowledgement[];
  version: number;
}

/** The promotion as the domain's sign-off rule reads it. */
export const underReview = (promotion: Promotion): PromotionUnderReview => ({
  wording: promotion.wording,
  writtenBy: promotion.writtenBy.id,
  signOffs: promotion.signOffs.map((each) => ({ step: each.step, by: each.by.id })),
  acknowledgements: promotion.acknowledgements,
});
