import { checkPromotionWording, PROMOTION_WORDING_MAX_LENGTH } from './promotion-wording';

const codes = (text: string) => checkPromotionWording(text).map((finding) => finding.code);
const phrases = (text: string) =>
  checkPromotionWording(text).map((finding) => [finding.code, text.slice(finding.span.start, finding.span.end)]);

describe('checkPromotionWording', () => {
  it('points at the words as typed, through full-width digits and spacing', () => {
    expect(phrases('活动：满 ３００ 送杯子')).toEqual([
      ['promotion.threshold_without_paid', '满 ３００ 送'],
      ['promotion.gift_stock_unstated', '送'],
    ]);
  });

  it('reads Chinese and capital numerals in "first N" and reports its severity as warn', () => {
    expect(checkPromotionWording('前一百名下单送杯子，送完即止')).toEqual([
      { code: 'promotion.first_n_unverifiable', span: { start: 0, end: 4 }, severity: 'warn' },
    ]);
    expect(codes('前伍拾名免单')).toEqual(['promotion.first_n_unverifiable']);
  });

  it('lets "first N" through once it says how the order is verified', () => {
    expect(codes('前100名免单，以付款时间为准')).toEqual([]);
    expect(codes('前100名免单，以系统记录为准')).toEqual([]);
  });

  it('asks for 实付 on a threshold, in the same sentence', () => {
    expect(codes('实付满300减30')).toEqual([]);
    expect(codes('满300减30。实付满600减80')).toEqual(['promotion.threshold_without_paid']);
  });

  it('blocks absolute claims in traditional characters and a benefit for a review via the compliance rules', () => {
    expect(checkPromotionWording('歷史最低價')).toEqual([
      { code: 'promotion.absolute_claim', span: { start: 2, end: 5 }, severity: 'block' },
    ]);
    const [benefit] = checkPromotionWording('買就送，好 评 返 现 5 元，数量有限');
    expect(benefit).toMatchObject({ code: 'promotion.review_benefit', severity: 'block' });
  });

  it('reports a benefit for a review once, however many compliance rules see it', () => {
    expect(codes('好评返现5元')).toEqual(['promotion.review_benefit']);
  });

  it('does no work on wording over 2,000 characters: one blocking finding over all of it', () => {
    const long = '满300送'.repeat(500);
    expect(long.length).toBeGreaterThan(PROMOTION_WORDING_MAX_LENGTH);
    expect(checkPromotionWording(long)).toEqual([
      { code: 'promotion.too_long', span: { start: 0, end: long.length }, severity: 'block' },
    ]);
    expect(codes('满'.repeat(PROMOTION_WORDING_MAX_LENGTH))).toEqual([]);
  });

  it.each(['满', '前', '一', '送', '最', '第'])('stays linear on a long run of "%s"', (char) => {
    const started = performance.now();
    checkPromotionWording(char.repeat(20_000));
    checkPromotionWording(char.repeat(PROMOTION_WORDING_MAX_LENGTH));
    checkPromotionWording(`前${'一'.repeat(PROMOTION_WORDING_MAX_LENGTH - 2)}名`);
    expect(performance.now() - started).toBeLessThan(200);
  });
});
