import type { Platform, ReplyFailure } from '@chaping/domain';

import type { MarketplaceFormat } from '../../intake/incoming/marketplace-formats';
import type { MarketplaceClientOptions, MarketplaceError } from '../../marketplace/marketplace-call';
import type { TopSignMethod } from '../../marketplace/signing';
import type { MarketplaceOptions } from '../connections.tokens';

/** One review as the platform's API answers it (mapped to intake's fields by the adapter's format). */
export type ReviewItem = Record<string, unknown>;

/**
 * The entries of a list in a platform's answer as review items. An entry that is not an object (a
 * null, a number) becomes an empty item: intake rejects it for its missing id, while the page keeps
 * its length (a short page ends the paging) and the one odd entry stops neither the pull nor a reply.
 */
export function reviewItems(list: unknown): ReviewItem[] {
  if (!Array.isArray(list)) return [];
  return list.map((entry: unknown) =>
    typeof entry === 'object' && entry !== null && !Array.isArray(entry) ? (entry as ReviewItem) : {},
  );
}

export interface PullWindow {
  from: Date;
  /** Exclusive: the next window begins here. */
  to: Date;
}

/** One page of a platform's list answer: its reviews, and how many results the query says it has. */
export interface ListPage {
  items: ReviewItem[];
  total: number;
}

/** A list query whose results the platform caps (TOP at 1,500, 抖店 at an assumed 10,000), read page by page. */
export interface CappedListQuery {
  /** Results one query reaches: a window whose total reaches it is halved until it fits. */
  readonly resultCap: number;
  readonly pageSize: number;
  /** The number the platform gives its first page: 1 for TOP, 0 for 抖店. */
  readonly firstPage: number;
  page(window: PullWindow, pageNo: number): Promise<ListPage>;
}

/** A window is not halved below a minute: a platform that says every minute is full is read to its cap, not forever. */
const SMALLEST_WINDOW_MS = 60_000;

/**
 * Reads a window of a capped list query: halved (on whole seconds) while its total reaches the cap,
 * else its pages in order, each given to `take` before the next is asked for. At most the cap's
 * pages are read, and an empty page ends the list even if `total` says more, so a wrong total
 * costs neither a loop nor a run of empty calls. A short page does not end it: a platform may drop
 * entries (deleted, hidden) from a page after paging, and the pages after it still hold reviews.
 * Returns how many entries were read.
 */
export async function pullCappedWindow(
  query: CappedListQuery,
  window: PullWindow,
  take: (items: readonly ReviewItem[]) => Promise<void>,
): Promise<number> {
  const first = await query.page(window, query.firstPage);
  const span = window.to.getTime() - window.from.getTime();
  if (first.total >= query.resultCap && span > SMALLEST_WINDOW_MS) {
    const middle = new Date(window.from.getTime() + Math.floor(span / 2000) * 1000);
    return (
      (await pullCappedWindow(query, { from: window.from, to: middle }, take)) +
      (await pullCappedWindow(query, { from: middle, to: window.to }, take))
    );
  }
  await take(first.items);
  let read = first.items.length;
  const pages = Math.ceil(Math.min(first.total, query.resultCap) / query.pageSize);
  for (let n = 1, last = first; n < pages && last.items.length > 0; n++) {
    last = await query.page(window, query.firstPage + n);
    await take(last.items);
    read += last.items.length;
  }
  return read;
}

/** A shop's credentials, opened for one run (pull or publish) only. */
export interface ShopCredentials {
  appKey: string;
  appSecret: string;
  /** TOP's session key; JD's and 抖店's access token. */
  sessionKey: string;
  signMethod: TopSignMethod;
}

export interface ReplyToPost {
  platformReviewId: string;
  platformOrderId: string | null;
  text: string;
}

/** One shop's marketplace, signed in: what the puller and the reply publisher ask of every platform. */
export interface ConnectedShop {
  /**
   * Reads the window's neutral and negative reviews to the last page (splitting it where the
   * platform caps a query), giving each page to `take` before reading the next; returns how many.
   */
  pullWindow(window: PullWindow, take: (items: readonly ReviewItem[]) => Promise<void>): Promise<number>;
  /** Posts the seller's public reply to the review; the platform's request id when it gives one. */
  postReply(reply: ReplyToPost): Promise<{ platformRequestId: string | null }>;
  /** The seller reply the review carries on the platform now, or null: a retry after a lost answer reads it first. */
  replyOnPlatform(reply: ReplyToPost): Promise<string | null>;
}

/**
 * Everything that differs between marketplaces, one adapter per platform: how to sign and call,
 * which reviews to ask for, how to page, how replies go out and what a refusal means.
 */
export interface MarketplaceAdapter {
  readonly platforms: readonly Platform[];
  /** Maps one pulled review to intake's fields (the same format a pushed payload uses). */
  readonly format: MarketplaceFormat;
  readonly signMethods: readonly TopSignMethod[];
  readonly defaultSignMethod: TopSignMethod;
  /** When the platform's app keys are all digits of one length, that length (checked on connecting). */
  readonly appKeyDigits?: number;
  gatewayUrl(options: MarketplaceOptions): string;
  connect(credentials: ShopCredentials, options: MarketplaceClientOptions): ConnectedShop;
  /** The platform's refusal of a reply, as the case shows it. */
  replyFailureOf(error: MarketplaceError): ReplyFailure;
}

/** Refusals shared by every platform: the shop's authorisation, not the reply, was refused. */
export function authorisationFailure(error: MarketplaceError): ReplyFailure | null {
  return error.failure === 'token_expired' || error.failure === 'signature_rejected' ? 'authorisation' : null;
}
