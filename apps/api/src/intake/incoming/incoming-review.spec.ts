import { withBuyerIdentity } from './incoming-review';

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
