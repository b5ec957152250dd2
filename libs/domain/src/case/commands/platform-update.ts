import type { CaseEvent } from '../case-event';
import type { CaseState } from '../case-state';
import { accept, type CommandContext, type CommandResult } from '../command-context';

export type PlatformRating = 'positive' | 'neutral' | 'negative';

/** What the marketplace shows of a review at one moment. */
export interface ReviewSnapshot {
  rating: PlatformRating;
  deleted: boolean;
  followUpText: string | null;
  sellerReply: string | null;
}

export type ReviewChange =
  | { kind: 'rating_revised'; from: PlatformRating; to: PlatformRating }
  | { kind: 'deleted' }
  | { kind: 'follow_up_added'; text: string }
  | { kind: 'seller_replied'; text: string };

const blankToNull = (value: string | null): string | null => (value?.trim() ? value.trim() : null);

/** What changed on the platform between two snapshots; an absent field never erases a known one. */
export function reviewChanges(known: ReviewSnapshot, incoming: ReviewSnapshot): ReviewChange[] {
  const changes: ReviewChange[] = [];
  if (incoming.rating !== known.rating)
    changes.push({ kind: 'rating_revised', from: known.rating, to: incoming.rating });
  if (incoming.deleted && !known.deleted) changes.push({ kind: 'deleted' });
  const followUp = blankToNull(incoming.followUpText);
  if (followUp && followUp !== blankToNull(known.followUpText))
    changes.push({ kind: 'follow_up_added', text: followUp });
  const reply = blankToNull(incoming.sellerReply);
  if (reply && reply !== blankToNull(known.sellerReply)) changes.push({ kind: 'seller_replied', text: reply });
  return changes;
}

function toEvent(change: ReviewChange, ctx: CommandContext): CaseEvent {
  const base = { actorId: ctx.actor.id, at: ctx.now };
  switch (change.kind) {
    case 'rating_revised':
      return { ...base, type: 'review_rating_revised', data: { from: change.from, to: change.to } };
    case 'deleted':
      return { ...base, type: 'review_deleted', data: {} };
    case 'follow_up_added':
      return { ...base, type: 'review_follow_up_added', data: { text: change.text } };
    case 'seller_replied':
      return { ...base, type: 'review_seller_replied', data: { text: change.text } };
  }
}

/**
 * Records what the buyer or platform did to the review, on open and closed cases alike: the
 * report counts revised and deleted reviews, and a follow-up opens the follow-up reply.
 */
export function applyPlatformChanges(
  state: CaseState,
  changes: readonly ReviewChange[],
  ctx: CommandContext,
): CommandResult {
  let next = state;
  for (const change of changes) {
    if (change.kind === 'follow_up_added') next = { ...next, hasFollowUp: true };
    if (change.kind === 'deleted') next = { ...next, reviewState: 'deleted' };
    if (change.kind === 'seller_replied') next = { ...next, reviewSellerReply: change.text };
    if (change.kind === 'rating_revised' && next.reviewState !== 'deleted') {
      next = { ...next, reviewState: change.to === 'positive' ? 'revised' : 'active' };
    }
  }
  return accept(
    next,
    changes.map((change) => toEvent(change, ctx)),
  );
}
