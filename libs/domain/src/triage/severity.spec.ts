import { explainSeverity, LARGE_ORDER_FEN, type SeverityInput } from './severity';

const input = (overrides: Partial<SeverityInput>): SeverityInput => ({
  rating: 'negative',
  rootCause: 'product_quality',
  subCause: 'defect',
  maliciousSignals: [],
  misclick: false,
  text: '有点小瑕疵',
  orderAmountFen: 9_900,
  buyerType: 'new_buyer',
  ...overrides,
});

describe('severity', () => {
  it.each<[string, Partial<SeverityInput>, string, string]>([
    ['a safety word', { text: '热水器漏电，差点触电' }, 'critical', 'safety_hazard'],
    [
      'a safety word even on a mis-click',
      { text: '好评，不过充电时冒烟了', misclick: true },
      'critical',
      'safety_hazard',
    ],
    ['a mis-click', { misclick: true, rootCause: 'other', subCause: 'misclick' }, 'low', 'misclick'],
    [
      'an extortion signal',
      { maliciousSignals: [{ kind: 'extortion', phrase: '天天差评', start: 0, end: 4 }], rootCause: 'malicious' },
      'high',
      'extortion',
    ],
    ['a suspected fake', { subCause: 'suspected_fake' }, 'high', 'suspected_fake'],
    ['broken on arrival', { subCause: 'broken', text: '收到就开不了机' }, 'high', 'broken_on_arrival'],
    ['broken after months of use', { subCause: 'broken', text: '用了半年坏了' }, 'medium', 'default'],
    ['a refund dispute', { rootCause: 'refund_dispute', subCause: 'return_refused' }, 'high', 'refund_dispute'],
    ['a suspected professional', { buyerType: 'suspected_professional' }, 'high', 'suspected_professional'],
    ['a large order', { orderAmountFen: LARGE_ORDER_FEN }, 'high', 'large_order'],
    ['a large order just under the line', { orderAmountFen: LARGE_ORDER_FEN - 1 }, 'medium', 'default'],
    [
      'a neutral rating on a minor cause',
      { rating: 'neutral', rootCause: 'size_fit', subCause: 'too_large' },
      'low',
      'neutral_minor_cause',
    ],
    ['a neutral rating on a quality problem', { rating: 'neutral' }, 'medium', 'default'],
    ['a negated safety word', { text: '用了很久没有漏电' }, 'medium', 'default'],
  ])('%s', (_case, overrides, severity, rule) => {
    expect(explainSeverity(input(overrides))).toEqual({ severity, rule });
  });
});
