import { checkText, findCareTextProblem } from './rules';

describe('the care-text check', () => {
  it.each([
    ['收到了吗？满意的话记得给个好评哦', 'review.asks_for_review', '给个好评'],
    ['方便的话帮忙评 价一下', 'care.mentions_review', '评 价'],
    ['有空给我们晒个图呀', 'care.mentions_review', '晒个图'],
    ['期待您的追评', 'care.mentions_review', '追评'],
    ['满意请给五⭐', 'review.asks_for_review', '给五⭐'],
    ['五星好评送运费险', 'review.good_review_for_benefit', '五星好评送'],
    ['Please leave us a review', 'care.mentions_review', 'review'],
  ])('refuses %s (%s)', (text, ruleId, phrase) => {
    const finding = findCareTextProblem(text);
    expect(finding?.ruleId).toBe(ruleId);
    expect(text).toContain(finding?.phrase ?? '');
    expect(finding?.phrase).toContain(phrase.slice(0, 1));
  });

  it.each([
    '亲，东西收到时完好吗？',
    '使用一周了，有没有遇到什么问题？',
    '我们做了一次质量评估',
    'Did it arrive intact?',
  ])('lets %s through', (text) => {
    expect(findCareTextProblem(text)).toBeNull();
  });

  it('is not part of the default checks: a reply may name the review it answers', () => {
    expect(checkText('感谢您的评价，给您添麻烦了')).toEqual([]);
    expect(findCareTextProblem('感谢您的评价，给您添麻烦了')?.ruleId).toBe('care.mentions_review');
  });
});
