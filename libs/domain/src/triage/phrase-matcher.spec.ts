import { compilePattern, contrastSpans, findLongestMatches, isNegatedAt } from './phrase-matcher';

describe('negation', () => {
  it.each([
    ['一点也不臭', '臭'],
    ['包装没有破损', '破损'],
    ['手机没坏', '坏'],
    ['物流一点也不慢', '慢'],
    ['玩游戏不卡', '卡'],
    ['用了一个月不怎么卡', '卡'],
    ['没有发现什么毛病', '毛病'],
    ['毫无异味', '异味'],
  ])('%p negates %p', (text, phrase) => {
    expect(isNegatedAt(text, text.indexOf(phrase))).toBe(true);
  });

  it.each([
    ['没几天就坏了', '坏'],
    ['是不是假货', '假货'],
    ['不到一个月就卡', '卡'],
    ['没想到这么臭', '臭'],
    ['外观不错，卡顿严重', '卡顿'],
  ])('%p does not negate %p', (text, phrase) => {
    expect(isNegatedAt(text, text.indexOf(phrase))).toBe(false);
  });
});

describe('contrast', () => {
  it('spans from the marker to the end of the sentence', () => {
    const text = '衣服挺好看，就是物流太慢了。下次再来';
    const [span] = contrastSpans(text);
    expect(span && text.slice(span.start, span.end)).toBe('物流太慢了');
  });

  it('finds nothing without a marker', () => {
    expect(contrastSpans('物流太慢了')).toEqual([]);
  });
});

describe('longest match', () => {
  it('prefers the whole phrase over the shorter phrase inside it', () => {
    const patterns = [compilePattern('新鲜', 'fresh'), compilePattern('不新鲜', 'stale')];
    expect(findLongestMatches('橙子不新鲜', patterns).map((match) => match.source)).toEqual(['stale']);
  });

  it('reports exact offsets for every occurrence', () => {
    const text = '慢，太慢';
    const matches = findLongestMatches(text, [compilePattern(/慢/, 'slow')]);
    expect(matches.map(({ start, end }) => text.slice(start, end))).toEqual(['慢', '慢']);
    expect(matches.map(({ start }) => start)).toEqual([0, 3]);
  });
});
