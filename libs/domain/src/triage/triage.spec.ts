import { LEXICON_VERSION } from './lexicon';
import { MODEL_VERSION } from './root-cause-model';
import { triageReview, triageText } from './triage';

describe('triageReview', () => {
  it('composes cause, evidence, signals, buyer type and severity', () => {
    const result = triageReview({
      text: '收到就开不了机，客服也不回复',
      rating: 'negative',
      buyerHistory: { orderCount: 8, earlierComplaintCount: 0, compensationsReceived: 0, maliciousFlagCount: 0 },
      orderAmountFen: 129_900,
    });
    expect(result).toMatchObject({
      rootCause: 'product_quality',
      subCause: 'broken',
      misclick: false,
      maliciousSignals: [],
      buyerType: 'veteran',
      severity: 'high',
      lexiconVersion: LEXICON_VERSION,
    });
    expect(result.alternatives[0]?.rootCause).toBe('product_quality');
  });

  it('reads the follow-up after a newline and points evidence into the joined text', () => {
    const input = { text: '衣服还行', followUpText: '洗了一次就掉色了', rating: 'neutral' as const };
    const joined = triageText(input);
    expect(joined).toBe('衣服还行\n洗了一次就掉色了');
    const result = triageReview(input);
    expect(result.rootCause).toBe('product_quality');
    for (const item of result.evidence) expect(joined.slice(item.start, item.end)).toBe(item.phrase);
  });

  it('files a positive review under a negative rating as a low-severity mis-click', () => {
    const result = triageReview({ text: '很好，下次还来', rating: 'negative', orderAmountFen: 80_000 });
    expect(result).toMatchObject({ rootCause: 'other', subCause: 'misclick', misclick: true, severity: 'low' });
    expect(result.misclickEvidence).toEqual(['很好']);
  });

  it('flags extortion as high severity', () => {
    const result = triageReview({ text: '不给我补偿三百元我就天天差评', rating: 'negative' });
    expect(result.rootCause).toBe('malicious');
    expect(result.maliciousSignals.map((signal) => signal.kind)).toContain('extortion');
    expect(result.severity).toBe('high');
  });

  // issue 13: read as promotion_rules and as a low-severity mis-click before.
  it.each(['给我返现20元我就改好评，不然投诉你们', '退我一半钱我就改好评', '改好评要20元'])(
    'reads money demanded for a review change as extortion, never a mis-click: %s',
    (text) => {
      const result = triageReview({ text, rating: 'negative' });
      expect(result).toMatchObject({
        rootCause: 'malicious',
        subCause: 'extortion',
        misclick: false,
        severity: 'high',
      });
      expect(result.maliciousSignals.map((signal) => signal.kind)).toContain('extortion');
    },
  );

  it('lets the model decide a review the lexicon can only guess at, with n-grams located in the text', () => {
    const text = '这个东西和我想象的差距有点大';
    const result = triageReview({ text, rating: 'negative' });
    expect(result).toMatchObject({ decidedBy: 'model', disagreement: false, modelVersion: MODEL_VERSION });
    expect(result.secondCause).not.toBeNull();
    expect(result.secondCause).not.toBe(result.rootCause);
    expect(result.alternatives[0]?.rootCause).toBe(result.rootCause);
    expect(result.evidence.length).toBeGreaterThan(0);
    for (const item of result.evidence) {
      expect(text.slice(item.start, item.end)).toBe(item.phrase);
      expect(item.rootCause).toBe(result.rootCause);
    }
  });

  it('keeps a sure lexicon answer and its phrases, and names a second cause', () => {
    const result = triageReview({ text: '尺码偏小，建议买大一码', rating: 'negative' });
    expect(result).toMatchObject({ rootCause: 'size_fit', decidedBy: 'lexicon', modelVersion: MODEL_VERSION });
    expect(result.evidence.map((item) => item.phrase)).toContain('尺码偏小');
    expect(result.secondCause).not.toBe('size_fit');
  });

  it('flags a review whose phrases name one cause while the model reads another, and offers the other', () => {
    const result = triageReview({ text: '颜色和图片不一样，客服态度也很差', rating: 'negative' });
    expect(result).toMatchObject({ disagreement: true, decidedBy: 'lexicon', rootCause: 'not_as_described' });
    expect(result.secondCause).toBe('service_attitude');
    expect(result.evidence.map((item) => item.phrase)).toEqual(['和图片不一样', '态度也很差']);
  });

  it('offers what the text said as the second cause of a mis-click', () => {
    const result = triageReview({ text: '很好，下次还来', rating: 'negative' });
    expect(result.rootCause).toBe('other');
    expect(result.secondCause).not.toBe('other');
  });

  it('ignores an empty follow-up', () => {
    expect(triageText({ text: '太小了', followUpText: '  ' })).toBe('太小了');
  });
});
