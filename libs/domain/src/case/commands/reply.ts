import { findPersonalData } from '../../compliance/personal-data';
import { findAbuse, findReviewLink } from '../../compliance/rules';
import { refusal, type Refusal } from '../../refusals/refusal';
import type { ReplyTarget } from '../../shared/vocabulary';
import { publishedReply, type CaseState, type PublicReply } from '../case-state';
import { accept, refuse, type CommandContext, type CommandResult } from '../command-context';
import { guardStage, replaceById } from './guards';

const REPLY_STAGES = ['replying', 'watching'] as const;

/**
 * Checks a public reply before it is saved or published. The web runs the same check as the
 * agent types, so the composer and the API can never disagree.
 */
export function checkReplyText(state: CaseState, text: string, ctx: Pick<CommandContext, 'policy'>): Refusal | null {
  const trimmed = text.trim();
  const max = ctx.policy.reply.maxLength;
  if (trimmed.length === 0 || [...trimmed].length > max) return refusal('reply.invalid_length', { max });
  const personalData = findPersonalData(trimmed, state.buyerKnownNames);
  if (personalData.length > 0) return refusal('reply.personal_data', { kinds: personalData });
  const abuse = findAbuse(trimmed);
  if (abuse !== null) return refusal('reply.abusive', { phrase: abuse.phrase });
  const reviewLink = findReviewLink(trimmed);
  if (reviewLink !== null)
    return refusal('reply.tied_to_review', { phrase: reviewLink.phrase, rule: reviewLink.ruleId });
  return null;
}

function guardTarget(state: CaseState, target: ReplyTarget): Refusal | null {
  if (target === 'follow_up' && !state.hasFollowUp) return refusal('reply.no_follow_up');
  if (publishedReply(state, target)) return refusal('reply.already_published', { target });
  // Platforms allow one seller reply per review: one imported with the review counts too.
  if (target === 'review' && state.reviewSellerReply !== null) return refusal('reply.platform_reply_exists');
  return null;
}

/**
 * The reply the case is waiting for: the one to the review, then — once that is published and the
 * buyer added a follow-up (追评) — the one to the follow-up.
 */
export function openReplyTarget(state: CaseState): ReplyTarget {
  return state.hasFollowUp && publishedReply(state, 'review') ? 'follow_up' : 'review';
}

export interface DraftReplyInput {
  target: ReplyTarget;
  text: string;
}

/** Saves the draft of the one public reply a review (or its follow-up) may get; a new draft replaces the old. */
export function draftReply(state: CaseState, input: DraftReplyInput, ctx: CommandContext): CommandResult {
  const problem =
    guardStage(state, REPLY_STAGES) ?? guardTarget(state, input.target) ?? checkReplyText(state, input.text, ctx);
  if (problem) return refuse(problem);
  const existing = state.replies.find((reply) => reply.target === input.target && reply.status === 'draft');
  const draft: PublicReply = {
    id: existing?.id ?? ctx.newId(),
    target: input.target,
    text: input.text.trim(),
    status: 'draft',
    draftedAt: ctx.now,
    publishedAt: null,
  };
  const replies = existing ? replaceById(state.replies, draft) : [...state.replies, draft];
  return accept({ ...state, replies }, [
    {
      type: 'reply_drafted',
      actorId: ctx.actor.id,
      at: ctx.now,
      data: { replyId: draft.id, target: draft.target, textBefore: existing?.text ?? null, text: draft.text },
    },
  ]);
}

export interface PublishReplyInput {
  replyId: string;
}

/** Publishes a draft. Once published a reply is immutable, and a target never gets a second one. */
export function publishReply(state: CaseState, input: PublishReplyInput, ctx: CommandContext): CommandResult {
  const wrongStage = guardStage(state, REPLY_STAGES);
  if (wrongStage) return refuse(wrongStage);
  const draft = state.replies.find((reply) => reply.id === input.replyId);
  if (!draft) return refuse(refusal('reply.not_found'));
  const problem = guardTarget(state, draft.target) ?? checkReplyText(state, draft.text, ctx);
  if (problem) return refuse(problem);
  const published: PublicReply = { ...draft, status: 'published', publishedAt: ctx.now };
  const reviewSellerReply = draft.target === 'review' ? draft.text : state.reviewSellerReply;
  return accept({ ...state, replies: replaceById(state.replies, published), reviewSellerReply }, [
    {
      type: 'reply_published',
      actorId: ctx.actor.id,
      at: ctx.now,
      data: { replyId: draft.id, target: draft.target, text: draft.text },
    },
  ]);
}
