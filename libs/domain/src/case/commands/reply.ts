import { findPersonalData } from '../../compliance/personal-data';
import { findAbuse, findReviewLink } from '../../compliance/rules';
import type { Locale } from '../../refusals/labels';
import { refusal, type Refusal } from '../../refusals/refusal';
import type { Platform, ReplyDelivery, ReplyFailure, ReplyTarget } from '../../shared/vocabulary';
import { publishedReply, type CaseState, type PublicReply } from '../case-state';
import { accept, refuse, type CommandContext, type CommandResult } from '../command-context';
import { guardStage, replaceById } from './guards';

const REPLY_STAGES = ['replying', 'watching'] as const;

/**
 * The longest public reply each platform takes (../shared/data/formats.md): TOP's explanation
 * ≤ 500 characters, 抖店's comment.reply ≤ 100. JD and Pinduoduo document none.
 */
export const PLATFORM_REPLY_MAX_LENGTH: Readonly<Partial<Record<Platform, number>>> = {
  taobao: 500,
  tmall: 500,
  douyin: 100,
};

/** The longest reply a case may publish: the policy's limit, or its platform's when that is shorter. */
export function replyMaxLength(platform: Platform, policy: Pick<CommandContext['policy'], 'reply'>): number {
  return Math.min(policy.reply.maxLength, PLATFORM_REPLY_MAX_LENGTH[platform] ?? Number.POSITIVE_INFINITY);
}

/**
 * Checks a public reply before it is saved or published. The web runs the same check as the
 * agent types, so the composer and the API can never disagree.
 */
export function checkReplyText(state: CaseState, text: string, ctx: Pick<CommandContext, 'policy'>): Refusal | null {
  const trimmed = text.trim();
  const max = replyMaxLength(state.platform, ctx.policy);
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
  // A reply on its way may still be taken: until the platform answers, nothing else goes out.
  if (state.replies.some((reply) => reply.target === target && reply.status === 'sending')) {
    return refusal('reply.sending');
  }
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
  // A reply the platform refused becomes the draft again: one reply in the works per target.
  const existing = state.replies.find(
    (reply) => reply.target === input.target && (reply.status === 'draft' || reply.status === 'refused'),
  );
  const draft: PublicReply = {
    id: existing?.id ?? ctx.newId(),
    target: input.target,
    text: input.text.trim(),
    status: 'draft',
    draftedAt: ctx.now,
    publishedAt: null,
    delivery: null,
    failure: null,
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
  /** `platform` when the shop is connected to a platform that takes replies by API (see replyDelivery). */
  delivery: ReplyDelivery;
}

/**
 * Publishes a draft (or a reply the platform refused, tried again). Through the platform it is
 * `sending` until the platform answers (recordReplyDelivery); by hand it is published at once and
 * the agent pastes it. Once published a reply is immutable, and a target never gets a second one.
 */
export function publishReply(state: CaseState, input: PublishReplyInput, ctx: CommandContext): CommandResult {
  const wrongStage = guardStage(state, REPLY_STAGES);
  if (wrongStage) return refuse(wrongStage);
  const draft = state.replies.find((reply) => reply.id === input.replyId);
  if (!draft) return refuse(refusal('reply.not_found'));
  const problem = guardTarget(state, draft.target) ?? checkReplyText(state, draft.text, ctx);
  if (problem) return refuse(problem);
  if (input.delivery === 'platform') {
    const sending: PublicReply = { ...draft, status: 'sending', delivery: 'platform', failure: null };
    return accept({ ...state, replies: replaceById(state.replies, sending) }, [
      {
        type: 'reply_sending',
        actorId: ctx.actor.id,
        at: ctx.now,
        data: { replyId: draft.id, target: draft.target, text: draft.text },
      },
    ]);
  }
  return accept(published(state, { ...draft, delivery: 'by_hand', failure: null }, ctx.now), [
    {
      type: 'reply_published',
      actorId: ctx.actor.id,
      at: ctx.now,
      data: { replyId: draft.id, target: draft.target, text: draft.text, delivery: 'by_hand' },
    },
  ]);
}

function published(state: CaseState, reply: PublicReply, now: Date): CaseState {
  const done: PublicReply = { ...reply, status: 'published', publishedAt: now };
  const reviewSellerReply = reply.target === 'review' ? reply.text : state.reviewSellerReply;
  return { ...state, replies: replaceById(state.replies, done), reviewSellerReply };
}

/**
 * Platforms whose public reply the product can send by API (Taobao/Tmall:
 * taobao.traderate.explain.add; JD: PopCommentJsfService.saveReply; Douyin 抖店: comment.reply).
 */
export const REPLY_API_PLATFORMS: readonly Platform[] = ['taobao', 'tmall', 'jd', 'douyin'];

/**
 * How a reply would go out: through the platform when its shop has a live connection and the
 * platform takes this kind of reply by API (TOP explains a rating, not a follow-up); else by hand.
 */
export function replyDelivery(input: { platform: Platform; connected: boolean; target: ReplyTarget }): ReplyDelivery {
  return input.connected && REPLY_API_PLATFORMS.includes(input.platform) && input.target === 'review'
    ? 'platform'
    : 'by_hand';
}

export type PlatformReplyAnswer =
  { ok: true; platformRequestId: string | null } | { ok: false; reason: ReplyFailure; platformMessage: string | null };

export interface RecordReplyDeliveryInput {
  replyId: string;
  answer: PlatformReplyAnswer;
}

/**
 * Records the platform's answer to a reply that was sending: published, or refused with the
 * reason (the reply becomes editable again, nothing is marked published). Recorded whatever the
 * stage, since it is a fact about the platform; a reply not sending any more is left alone.
 */
export function recordReplyDelivery(
  state: CaseState,
  input: RecordReplyDeliveryInput,
  ctx: CommandContext,
): CommandResult {
  const reply = state.replies.find((candidate) => candidate.id === input.replyId);
  if (!reply) return refuse(refusal('reply.not_found'));
  if (reply.status !== 'sending') return refuse(refusal('reply.not_found'));
  const { answer } = input;
  if (answer.ok) {
    return accept(published(state, reply, ctx.now), [
      {
        type: 'reply_published',
        actorId: ctx.actor.id,
        at: ctx.now,
        data: {
          replyId: reply.id,
          target: reply.target,
          text: reply.text,
          delivery: 'platform',
          platformRequestId: answer.platformRequestId,
        },
      },
    ]);
  }
  const failure = { reason: answer.reason, platformMessage: answer.platformMessage };
  const refused: PublicReply = { ...reply, status: 'refused', failure };
  return accept({ ...state, replies: replaceById(state.replies, refused) }, [
    {
      type: 'reply_refused',
      actorId: ctx.actor.id,
      at: ctx.now,
      data: { replyId: reply.id, target: reply.target, reason: answer.reason, platformMessage: answer.platformMessage },
    },
  ]);
}

const FAILURE_WORDS: Record<ReplyFailure, Record<Locale, string>> = {
  window_closed: {
    // Each platform sets its own window (Taobao/Tmall: 30 days); the platform's own words follow.
    'zh-CN': '平台拒绝：评价已过平台允许回复的期限，不能再回复',
    en: 'The platform refused: the review is past the time the platform allows for a reply',
  },
  after_follow_up: {
    'zh-CN': '平台拒绝：买家已追评，原评价不能再做解释（可回复追评，需手动发布）',
    en: 'The platform refused: the buyer added a follow-up, so the review can no longer be explained (reply to the follow-up by hand)',
  },
  already_replied: {
    'zh-CN': '平台拒绝：该评价在平台上已有解释，平台只允许一条',
    en: 'The platform refused: the review already has an explanation there, and it allows one',
  },
  text_rejected: {
    'zh-CN': '平台拒绝了回复内容：请修改后再发布',
    en: 'The platform rejected the reply text: change it and publish again',
  },
  authorisation: {
    'zh-CN': '店铺对平台的授权已失效或签名错误：请主管更新店铺连接后再发布',
    en: "The shop's authorisation with the platform failed: a team lead must update the shop connection, then publish again",
  },
  unreachable: {
    'zh-CN': '多次重试仍无法连接平台：稍后再发布',
    en: 'The platform could not be reached after several tries: publish again later',
  },
  other: { 'zh-CN': '平台拒绝了该回复', en: 'The platform refused the reply' },
};

/** Why the platform did not take a reply, in words (the platform's own words appended). */
export function replyFailureMessage(
  failure: { reason: ReplyFailure; platformMessage: string | null },
  locale: Locale,
): string {
  const words = FAILURE_WORDS[failure.reason][locale];
  if (!failure.platformMessage) return words;
  return locale === 'en'
    ? `${words} (platform: ${failure.platformMessage})`
    : `${words}（平台提示：${failure.platformMessage}）`;
}
