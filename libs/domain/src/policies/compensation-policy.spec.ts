import { buyerCompensationPeriodStart } from './compensation-policy';
import { DEFAULT_POLICY } from './policy-config';

describe('the period over which a buyer’s earlier compensations count', () => {
  it('starts buyerPeriodDays before now', () => {
    const now = new Date('2026-03-10T02:00:00Z');
    expect(buyerCompensationPeriodStart(now, DEFAULT_POLICY.compensation)).toEqual(new Date('2025-12-10T02:00:00Z'));
    expect(buyerCompensationPeriodStart(now, { ...DEFAULT_POLICY.compensation, buyerPeriodDays: 7 })).toEqual(
      new Date('2026-03-03T02:00:00Z'),
    );
  });
});
