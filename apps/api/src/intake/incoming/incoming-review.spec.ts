import { validateIncomingOrder } from './incoming-order';
import { validateIncoming, withBuyerIdentity } from './incoming-review';
import { productKeyOf } from './product-key';

describe('withBuyerIdentity', () => {
  it('keeps the platform buyer id when there is one', () => {
    expect(withBuyerIdentity({ buyerPlatformId: 'AAHk5d', platformOrderId: '1', buyerNickname: 'w**7' })).toMatchObject(
      { buyerPlatformId: 'AAHk5d' },
    );
  });

  it.each([
    [
      'the order',
      { platformOrderId: '3781452290113456789', buyerNickname: 'w**7', platformReviewId: 'r1' },
      '3781452290113456789',
    ],
    ['the review, never the masked nickname', { buyerNickname: 'w**7', platformReviewId: 'r1' }, 'r1'],
  ])('without a buyer id, identifies the buyer by %s', (_, raw, expected) => {
    expect(withBuyerIdentity(raw).buyerPlatformId).toBe(expected);
  });
});

describe('the product of a row', () => {
  const row = {
    platformReviewId: 'r1',
    rating: '差评',
    text: '杯子漏水',
    reviewedAt: '2026-03-05 10:00:00',
  };
  const productOf = (extra: Record<string, string>) => {
    const validated = validateIncoming({ ...row, ...extra });
    if (!validated.ok) throw new Error(JSON.stringify(validated.rejections));
    return { id: validated.review.platformProductId, title: validated.review.productTitle };
  };

  it('keeps the platform product id when the file has one', () => {
    expect(productOf({ platformProductId: '600123456789', productTitle: '保温杯 500ml' })).toEqual({
      id: '600123456789',
      title: '保温杯 500ml',
    });
  });

  it('keeps the title without a product id, under a key derived from it', () => {
    const product = productOf({ productTitle: '保温杯 500ml' });
    expect(product.title).toBe('保温杯 500ml');
    expect(product.id).toMatch(/^title:[0-9a-f]{32}$/);
  });

  it('gives one title one key whatever its spacing or full-width letters, and another title another', () => {
    const key = productOf({ productTitle: '保温杯 500ml' }).id;
    expect(productOf({ productTitle: '  保温杯   ５００ｍｌ ' }).id).toBe(key);
    expect(productOf({ productTitle: '保温杯 750ml' }).id).not.toBe(key);
    expect(productKeyOf(null, '保温杯 500ml')).toBe(key);
  });

  it('has no product without an id or a title', () => {
    expect(productOf({}).id).toBeNull();
    expect(productOf({ productTitle: '   ' }).id).toBeNull();
  });

  it('derives the same key for a delivered order, so that its review finds the same product', () => {
    const order = validateIncomingOrder({
      platformOrderId: '930001',
      productTitle: '保温杯 500ml',
      deliveredAt: '2026-03-09 10:00:00',
    });
    expect(order.ok && order.order.platformProductId).toBe(productOf({ productTitle: '保温杯 500ml' }).id);
  });
});
