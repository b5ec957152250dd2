import { createHash } from 'node:crypto';

/** Derived keys start with this, so that they never meet a platform's own product id (digits, mostly). */
export const TITLE_KEY_PREFIX = 'title:';

/**
 * A stable product key for a file that names the product but has no product id column: the same
 * title (after Unicode NFKC and whitespace folding, as exports differ in full-width letters and
 * spacing) always gives the same key, so reports count it as one product. Null without a title.
 */
export function productKeyOf(productId: string | null, productTitle: string | null): string | null {
  if (productId) return productId;
  const title = productTitle?.normalize('NFKC').replace(/\s+/g, ' ').trim();
  if (!title) return null;
  return TITLE_KEY_PREFIX + createHash('sha256').update(title, 'utf8').digest('hex').slice(0, 32);
}
