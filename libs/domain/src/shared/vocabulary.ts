/**
 * The closed vocabularies of the product. Each list is the single source for
 * the union type, the API's enum validation and the web's select options.
 */
/**
 * The shops' time zone: the marketplaces' days, a report's months and a roster's shifts are China time,
 * wherever the person reading them is.
 */
export const SHOP_TIME_ZONE = 'Asia/Shanghai';

export const PLATFORMS = ['taobao', 'tmall', 'jd', 'pinduoduo', 'douyin'] as const;
export type Platform = (typeof PLATFORMS)[number];

/**
 * Platforms a shop can be connected to by API (pull reviews, send replies). Pinduoduo has no open
 * review API (see ../shared/data/formats.md §4): its reviews come by export and replies go by hand.
 */
export const CONNECTABLE_PLATFORMS: readonly Platform[] = ['taobao', 'tmall', 'jd', 'douyin'];

export const RATINGS = ['neutral', 'negative'] as const;
export type Rating = (typeof RATINGS)[number];

export const STAGES = [
  'new',
  'contacting',
  'apologised',
  'resolving',
  'compensating',
  'replying',
  'watching',
  'appealing',
  'recorded',
] as const;
export type Stage = (typeof STAGES)[number];

export const ROOT_CAUSES = [
  'product_quality',
  'not_as_described',
  'size_fit',
  'price_value',
  'logistics_delay',
  'logistics_damage',
  'service_attitude',
  'refund_dispute',
  'promotion_rules',
  'malicious',
  'other',
] as const;
export type RootCause = (typeof ROOT_CAUSES)[number];

export const SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const BUYER_TYPES = ['new_buyer', 'veteran', 'repeat_complainer', 'suspected_professional'] as const;
export type BuyerType = (typeof BUYER_TYPES)[number];

export const CONTACT_CHANNELS = ['im', 'sms', 'phone', 'platform_message', 'other'] as const;
export type ContactChannel = (typeof CONTACT_CHANNELS)[number];

export const CONTACT_OUTCOMES = ['reached', 'no_answer', 'busy', 'refused', 'wrong_number', 'call_back_later'] as const;
export type ContactOutcome = (typeof CONTACT_OUTCOMES)[number];

export const REMEDY_TYPES = [
  'return',
  'exchange',
  'full_refund',
  'partial_refund',
  'resend',
  'repair',
  'usage_guidance',
  'none_needed',
] as const;
export type RemedyType = (typeof REMEDY_TYPES)[number];

/** `awaiting_return` means the goods are on their way back: the resolution clock pauses. */
export const REMEDY_STATUSES = ['in_progress', 'awaiting_return', 'done'] as const;
export type RemedyStatus = (typeof REMEDY_STATUSES)[number];

export const COMPENSATION_TYPES = [
  'coupon',
  'cash',
  'gift',
  'free_shipping',
  'membership_upgrade',
  'next_order_discount',
] as const;
export type CompensationType = (typeof COMPENSATION_TYPES)[number];

export const COMPENSATION_STATUSES = ['pending_approval', 'approved', 'rejected', 'paid'] as const;
export type CompensationStatus = (typeof COMPENSATION_STATUSES)[number];

export const REPLY_TARGETS = ['review', 'follow_up'] as const;
export type ReplyTarget = (typeof REPLY_TARGETS)[number];

/** `sending`: on its way to the platform; `refused`: the platform said no (the case says why), editable again. */
export const REPLY_STATUSES = ['draft', 'sending', 'published', 'refused'] as const;
export type ReplyStatus = (typeof REPLY_STATUSES)[number];

/** How a published reply reached the platform: through its API, or pasted by a person (no API, no connection). */
export const REPLY_DELIVERIES = ['platform', 'by_hand'] as const;
export type ReplyDelivery = (typeof REPLY_DELIVERIES)[number];

/** Why the platform did not take a reply, in terms a person can act on. */
export const REPLY_FAILURES = [
  'window_closed',
  'after_follow_up',
  'already_replied',
  'text_rejected',
  'authorisation',
  'unreachable',
  'other',
] as const;
export type ReplyFailure = (typeof REPLY_FAILURES)[number];

export const MALICIOUS_KINDS = [
  'extortion',
  'competitor',
  'third_party_fraud',
  'privacy_or_abuse',
  'unreasonable_demand',
] as const;
export type MaliciousKind = (typeof MALICIOUS_KINDS)[number];

export const APPEAL_RESULTS = ['won', 'lost'] as const;
export type AppealResult = (typeof APPEAL_RESULTS)[number];

export const REVIEW_OUTCOMES = ['revised_positive', 'deleted', 'follow_up_added', 'unchanged'] as const;
export type ReviewOutcome = (typeof REVIEW_OUTCOMES)[number];

export const WAITING_REASONS = ['call_back_requested', 'return_in_transit'] as const;
export type WaitingReason = (typeof WAITING_REASONS)[number];

export const ROLES = ['agent', 'lead', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export interface Actor {
  id: string;
  role: Role;
}
