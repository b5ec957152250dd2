import { detectMisclick } from './misclick';

describe('mis-click', () => {
  it.each([
    ['很好，五星好评', 'negative'],
    ['宝贝收到了，很喜欢，推荐购买', 'negative'],
    ['物美价廉，满意', 'neutral'],
    ['还行吧', 'negative'],
  ] as const)('%p under a %s rating is a mis-click', (text, rating) => {
    const result = detectMisclick(text, rating);
    expect(result.misclick).toBe(true);
    expect(result.evidence.length).toBeGreaterThan(0);
  });

  it.each([
    ['不太满意', 'negative'],
    ['挺好的，就是物流太慢', 'negative'],
    ['很喜欢，可惜洗了一次就掉色', 'negative'],
    ['还行吧', 'neutral'],
    ['。。。', 'negative'],
  ] as const)('%p under a %s rating is not a mis-click', (text, rating) => {
    expect(detectMisclick(text, rating)).toEqual({ misclick: false, evidence: [] });
  });
});
