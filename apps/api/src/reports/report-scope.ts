import type { SignedInActor } from '../common/actor/actor';
import { ForbiddenShopError } from '../common/errors/app-errors';

/**
 * The shops a report covers: the ones asked for, each of which the actor must work (admins: any),
 * or else every shop the actor works (admins: null, meaning every shop).
 */
export function reportShops(actor: SignedInActor, requested: readonly string[] | undefined): string[] | null {
  if (requested && requested.length > 0) {
    if (actor.role !== 'admin') {
      const outside = requested.find((shopId) => !actor.shopIds.includes(shopId));
      if (outside) throw new ForbiddenShopError(outside);
    }
    return [...new Set(requested)];
  }
  return actor.role === 'admin' ? null : [...actor.shopIds];
}
