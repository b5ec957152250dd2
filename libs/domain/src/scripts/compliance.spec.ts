import { findBenefit, findReviewLink } from '../compliance/rules';
import { LOCALES } from '../refusals/labels';
import { checkScriptTemplate, mentionsReview, scriptTexts } from './script-checks';
import { SCRIPT_LIBRARY } from './script-library';
import type { BilingualText, ScriptTemplate } from './script-types';

/**
 * DESIGN §4: compensation is never conditional on a review, and scripts never tie the two.
 * The rule here: no text of any script matches findReviewLink (好评, 五星, 改评, 删评, 返现 and their
 * English cousins); a text the buyer hears that names a benefit (findBenefit) never also names the
 * review or rating; agent guidance may name both only to forbid linking them.
 */
const texts = SCRIPT_LIBRARY.flatMap((template) =>
  scriptTexts(template).flatMap(({ path, kind, text }) =>
    LOCALES.map((locale) => ({ where: `${template.id} ${path} ${locale}`, kind, value: text[locale] })),
  ),
);

describe('no script ties a benefit to a review', () => {
  it('checks a meaningful number of texts', () => {
    expect(texts.length).toBeGreaterThan(1000);
  });

  it('no text in either language uses review-link wording', () => {
    expect(
      texts.filter(({ value }) => findReviewLink(value) !== null).map(({ where, value }) => `${where}: ${value}`),
    ).toEqual([]);
  });

  it('no spoken line names a benefit and the review together', () => {
    const linked = texts.filter(
      ({ kind, value }) => kind === 'spoken' && findBenefit(value) !== null && mentionsReview(value) !== null,
    );
    expect(linked.map(({ where, value }) => `${where}: ${value}`)).toEqual([]);
  });

  it('guidance names a benefit and the review together only to forbid it', () => {
    const linked = texts.filter(
      ({ kind, value }) => kind === 'guidance' && findBenefit(value) !== null && mentionsReview(value) !== null,
    );
    expect(linked.length).toBeGreaterThan(0);
    for (const { where, value } of linked) {
      expect({ where, forbids: /不要|绝不|不得|禁止|\bnever\b|\bdo not\b/i.test(value) }).toEqual({
        where,
        forbids: true,
      });
    }
  });

  it('the compensation scripts talk about the trouble caused, not about the review', () => {
    const compensating = texts.filter(({ where, kind }) => where.startsWith('compensating.') && kind === 'spoken');
    expect(compensating.length).toBeGreaterThan(0);
    expect(compensating.filter(({ value }) => mentionsReview(value) !== null)).toEqual([]);
  });
});

describe('checkScriptTemplate catches what a lead must not publish', () => {
  const withLine = (line: BilingualText, kind: 'line' | 'tip' = 'line'): ScriptTemplate => ({
    id: 'lead-edit',
    version: 2,
    stage: 'compensating',
    rootCauses: 'any',
    buyerTypes: 'any',
    title: { 'zh-CN': '补偿', en: 'Compensation' },
    steps: [
      {
        id: 'offer',
        title: { 'zh-CN': '补偿', en: 'Compensation' },
        lines: kind === 'line' ? [line] : [],
        tips: kind === 'tip' ? [line] : [],
        checks: [{ id: 'done', text: { 'zh-CN': '完成', en: 'Done' } }],
        branches: {},
      },
    ],
  });

  it.each<[string, BilingualText, 'line' | 'tip', string]>([
    ['好评返现', { 'zh-CN': '给个好评返现5元', en: 'Cash back for a good review' }, 'line', 'review_link'],
    [
      'a benefit for a changed review',
      { 'zh-CN': '改评后送您优惠券', en: 'A coupon once you change your review' },
      'line',
      'review_link',
    ],
    [
      'a benefit and the review in one spoken line',
      { 'zh-CN': '补偿已发，评价的事您看着办', en: 'The coupon is sent; about your review, up to you' },
      'line',
      'benefit_with_review',
    ],
    [
      'guidance that links them without forbidding',
      { 'zh-CN': '补偿后可以提一下评价', en: 'After the coupon, mention the review' },
      'tip',
      'benefit_with_review',
    ],
    ['a missing translation', { 'zh-CN': '您好', en: ' ' }, 'line', 'missing_translation'],
    ['an unknown placeholder', { 'zh-CN': '{优惠金额}元', en: '{优惠金额} yuan' }, 'line', 'unknown_placeholder'],
    ['placeholders that differ by language', { 'zh-CN': '{商品}', en: 'the item' }, 'line', 'placeholder_mismatch'],
  ])('%s', (_name, line, kind, code) => {
    expect(checkScriptTemplate(withLine(line, kind)).map((problem) => problem.code)).toContain(code);
  });

  it('accepts a tip that forbids the link', () => {
    expect(
      checkScriptTemplate(
        withLine({ 'zh-CN': '不要在补偿时提到评价', en: 'Never mention the review when offering a coupon' }, 'tip'),
      ),
    ).toEqual([]);
  });

  it('rejects a branch suggesting a stage the workflow cannot reach', () => {
    const template = withLine({ 'zh-CN': '您好', en: 'Hello' });
    const step = template.steps[0];
    if (!step) throw new Error('fixture has a step');
    const bad: ScriptTemplate = {
      ...template,
      steps: [
        { ...step, branches: { demands_money: { lines: [{ 'zh-CN': '您好', en: 'Hello' }], suggests: 'appealing' } } },
      ],
    };
    expect(checkScriptTemplate(bad).map((problem) => problem.code)).toEqual(['unreachable_suggestion']);
  });
});
