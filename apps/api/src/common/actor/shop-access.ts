import { ForbiddenShopError } from '../errors/app-errors';
import type { SignedInActor } from './actor';

/**
 * Refuses (403) a shop the actor does not work: leads set policy and scripts, and everyone reads
 * them, for their own shops only; admins for every shop. Null (the organisation's level) passes:
 * who may change that level is the route's or service's own rule.
 */
export function assertWorksShop(actor: SignedInActor, shopId: string | null): void {
  if (shopId !== null && actor.role !== 'admin' && !actor.shopIds.includes(shopId)) {
    throw new ForbiddenShopError(shopId);
  }
}
