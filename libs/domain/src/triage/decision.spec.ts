import { decideRootCause, LEXICON_GATE } from './decision';
import type { ModelClassification } from './model/model';
import type { RootCauseClassification } from './root-cause';

const lexicon = (overrides: Partial<RootCauseClassification>): RootCauseClassification => ({
  rootCause: 'logistics_delay',
  subCause: 'slow_delivery',
  confidence: 0.6,
  evidence: [
    { phrase: '物流太慢', start: 0, end: 4, rootCause: 'logistics_delay', subCause: 'slow_delivery', weight: 1 },
  ],
  alternatives: [{ rootCause: 'logistics_delay', score: 1.5 }],
  basis: 'phrases',
  ...overrides,
});

const model = (first: string, second: string): ModelClassification =>
  ({
    ranking: [
      { rootCause: first, score: 0.6 },
      { rootCause: second, score: 0.3 },
      { rootCause: 'other', score: 0.005 },
    ],
    evidence: [{ phrase: '太慢', start: 2, end: 4, rootCause: first, subCause: null, weight: 0.4 }],
  }) as ModelClassification;

describe('decideRootCause', () => {
  it('lets a sure lexicon decide, and offers the model runner-up when both agree', () => {
    const decision = decideRootCause(lexicon({}), model('logistics_delay', 'logistics_damage'));
    expect(decision).toMatchObject({
      rootCause: 'logistics_delay',
      subCause: 'slow_delivery',
      confidence: 0.6,
      decidedBy: 'lexicon',
      disagreement: false,
      secondCause: 'logistics_damage',
    });
    expect(decision.evidence[0]?.phrase).toBe('物流太慢');
  });

  it('flags a disagreement and offers the other side when the lexicon phrases name another cause', () => {
    const sure = decideRootCause(lexicon({}), model('service_attitude', 'logistics_delay'));
    expect(sure).toMatchObject({ rootCause: 'logistics_delay', secondCause: 'service_attitude', disagreement: true });
    const unsure = decideRootCause(lexicon({ confidence: LEXICON_GATE - 0.01 }), model('service_attitude', 'other'));
    expect(unsure).toMatchObject({
      rootCause: 'service_attitude',
      subCause: null,
      secondCause: 'logistics_delay',
      decidedBy: 'model',
      disagreement: true,
      confidence: 0.6,
    });
    expect(unsure.evidence.map((item) => item.phrase)).toEqual(['太慢']);
    // Causes the model hardly believes in are left out of the alternatives.
    expect(unsure.alternatives.map((item) => item.rootCause)).toEqual(['service_attitude', 'other']);
  });

  it('lets the model decide when the lexicon only guessed, without calling that a disagreement', () => {
    const guess = lexicon({
      rootCause: 'product_quality',
      subCause: null,
      confidence: 0.15,
      evidence: [],
      basis: 'prior',
    });
    const decision = decideRootCause(guess, model('not_as_described', 'product_quality'));
    expect(decision).toMatchObject({
      rootCause: 'not_as_described',
      secondCause: 'product_quality',
      decidedBy: 'model',
      disagreement: false,
    });
  });

  it('keeps the lexicon phrases as evidence when the model decides the same cause', () => {
    const decision = decideRootCause(lexicon({ confidence: 0.25 }), model('logistics_delay', 'other'));
    expect(decision).toMatchObject({ decidedBy: 'model', subCause: 'slow_delivery', disagreement: false });
    expect(decision.evidence[0]?.phrase).toBe('物流太慢');
  });
});
