import type { RootCause } from '../../shared/vocabulary';
import { MODEL_VERSION } from '../root-cause-model';
import { triageReview } from '../triage';
import { decidePromotion, evaluateModel, FROZEN_SHARE, isFrozenCorrection } from './learning';
import { loadModel } from './model';
import { refineRootCauseModel, trainRootCauseModel } from './train';

type Labelled = { text: string; rootCause: RootCause };

const BASE: Labelled[] = [
  { text: '快递太慢了，一个星期才到', rootCause: 'logistics_delay' },
  { text: '物流慢死了，等了好久', rootCause: 'logistics_delay' },
  { text: '发货太慢，催了好几次', rootCause: 'logistics_delay' },
  { text: '用了两天就坏了，质量太差', rootCause: 'product_quality' },
  { text: '开不了机，质量有问题', rootCause: 'product_quality' },
  { text: '质量不行，做工粗糙', rootCause: 'product_quality' },
  { text: '售后回复很慢', rootCause: 'service_attitude' },
];

/** What the base model hardly saw: the team corrects it to service_attitude. */
const CORRECTIONS: Labelled[] = [
  { text: '客服态度差，爱理不理', rootCause: 'service_attitude' },
  { text: '客服不回复消息，态度恶劣', rootCause: 'service_attitude' },
  { text: '客服说话很冲，态度很差', rootCause: 'service_attitude' },
  { text: '问客服半天没人理，态度敷衍', rootCause: 'service_attitude' },
];

const FROZEN: Labelled[] = [
  { text: '客服态度太差了', rootCause: 'service_attitude' },
  { text: '客服爱理不理的', rootCause: 'service_attitude' },
  { text: '物流太慢了', rootCause: 'logistics_delay' },
];

const base = trainRootCauseModel(BASE, 'base');

describe('learning from corrections', () => {
  it('holds out the same corrections every time, about one in FROZEN_SHARE', () => {
    const keys = Array.from({ length: 2000 }, (_, index) => `case-${index}`);
    const frozen = keys.filter(isFrozenCorrection);
    expect(keys.filter(isFrozenCorrection)).toEqual(frozen);
    expect(frozen.length / keys.length).toBeGreaterThan(1 / FROZEN_SHARE - 0.03);
    expect(frozen.length / keys.length).toBeLessThan(1 / FROZEN_SHARE + 0.03);
  });

  it('refines a model deterministically, and learns a cause from corrections', () => {
    const refined = refineRootCauseModel(base, CORRECTIONS, 'r1');
    expect(refineRootCauseModel(base, CORRECTIONS, 'r1')).toEqual(refined);
    expect(evaluateModel(base, FROZEN).correct).toBe(1);
    expect(evaluateModel(refined, FROZEN)).toEqual({ total: 3, correct: 3, accuracy: 1 });
  });

  it('keeps what it knew where the corrections say nothing', () => {
    const refined = refineRootCauseModel(base, CORRECTIONS, 'r1');
    expect(evaluateModel(refined, BASE).correct).toBe(BASE.length);
  });

  it('promotes a candidate that gets more of the frozen slice right', () => {
    const decision = decidePromotion({
      candidate: refineRootCauseModel(base, CORRECTIONS, 'r1'),
      current: base,
      frozenSlice: FROZEN,
    });
    expect(decision).toMatchObject({ promote: true, reason: 'better' });
    expect(decision.candidate.correct).toBeGreaterThan(decision.current.correct);
  });

  it('does not promote a worse model (trained on wrong labels)', () => {
    const good = refineRootCauseModel(base, CORRECTIONS, 'good');
    const wrong = CORRECTIONS.map((item) => ({ ...item, rootCause: 'logistics_delay' as const }));
    const bad = refineRootCauseModel(good, [...wrong, ...wrong], 'bad');
    const decision = decidePromotion({ candidate: bad, current: good, frozenSlice: FROZEN });
    expect(decision).toMatchObject({ promote: false, reason: 'worse' });
    expect(decision.candidate.correct).toBeLessThan(decision.current.correct);
  });

  it('promotes on a tie, and keeps the current model when there is no frozen slice', () => {
    expect(decidePromotion({ candidate: base, current: base, frozenSlice: FROZEN })).toMatchObject({
      promote: true,
      reason: 'as_good',
    });
    expect(decidePromotion({ candidate: base, current: base, frozenSlice: [] })).toMatchObject({
      promote: false,
      reason: 'no_frozen_slice',
      current: { total: 0, correct: 0, accuracy: 0 },
    });
  });

  it("triages with a shop's model when given one, and says which", () => {
    const text = '问客服半天没人理';
    expect(triageReview({ text, rating: 'negative' }).modelVersion).toBe(MODEL_VERSION);
    const shops = loadModel(refineRootCauseModel(base, CORRECTIONS, 'shop-r1'));
    expect(triageReview({ text, rating: 'negative' }, shops).modelVersion).toBe('shop-r1');
  });
});
