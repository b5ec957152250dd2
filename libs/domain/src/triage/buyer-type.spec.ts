import { BUYER_TYPE_THRESHOLDS, classifyBuyer } from './buyer-type';
import type { BuyerHistory } from './triage-types';

const history = (overrides: Partial<BuyerHistory>): BuyerHistory => ({
  orderCount: 1,
  earlierComplaintCount: 0,
  compensationsReceived: 0,
  maliciousFlagCount: 0,
  ...overrides,
});

describe('buyer type', () => {
  it.each([
    [null, 'new_buyer'],
    [undefined, 'new_buyer'],
    [history({ orderCount: 4 }), 'new_buyer'],
    [history({ orderCount: 5 }), 'veteran'],
    [history({ earlierComplaintCount: 1, orderCount: 9 }), 'veteran'],
    [history({ earlierComplaintCount: 2, orderCount: 9 }), 'repeat_complainer'],
    [history({ earlierComplaintCount: 3, compensationsReceived: 1 }), 'repeat_complainer'],
    [history({ earlierComplaintCount: 3, compensationsReceived: 2 }), 'suspected_professional'],
    [history({ earlierComplaintCount: 2, compensationsReceived: 5 }), 'repeat_complainer'],
    [history({ maliciousFlagCount: 1 }), 'suspected_professional'],
  ])('%j is a %s', (buyerHistory, buyerType) => {
    expect(classifyBuyer(buyerHistory)).toBe(buyerType);
  });

  it('publishes its thresholds', () => {
    expect(BUYER_TYPE_THRESHOLDS).toMatchObject({ repeatComplaints: 2, veteranOrders: 5 });
  });
});
