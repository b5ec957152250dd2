import type { Platform } from '@chaping/domain';

import { doudianAdapter } from './doudian-adapter';
import { jdAdapter } from './jd-adapter';
import type { MarketplaceAdapter } from './marketplace-adapter';
import { taobaoAdapter } from './taobao-adapter';

export type { ConnectedShop, MarketplaceAdapter, PullWindow, ReplyToPost, ReviewItem } from './marketplace-adapter';

const ADAPTERS: readonly MarketplaceAdapter[] = [taobaoAdapter, jdAdapter, doudianAdapter];

/** The platform's adapter, or null when the product cannot connect to it. */
export function marketplaceAdapter(platform: Platform): MarketplaceAdapter | null {
  return ADAPTERS.find((adapter) => adapter.platforms.includes(platform)) ?? null;
}
