import type { RootCause } from '@chaping/domain';

import { measureAgreement, pairLabels, type LabelPair } from './labeller-agreement';

const PQ: RootCause = 'product_quality';
const LD: RootCause = 'logistics_delay';
const OT: RootCause = 'other';

function pairs(first: RootCause[], second: RootCause[], predicted: RootCause[]): LabelPair[] {
  return first.map((cause, index) => {
    const other = second[index];
    const answer = predicted[index];
    if (other === undefined || answer === undefined) throw new Error('the three lists must be equally long');
    return { id: `r${index}`, first: cause, second: other, predicted: answer };
  });
}

describe('agreement between two labellers', () => {
  /*
   * Worked by hand: 8 of 10 agree, so p_o = 0.8. Label 1 uses PQ 6, LD 3, OT 1 times; label 2 PQ 5, LD 3, OT 2,
   * so p_e = (6·5 + 3·3 + 1·2) / 100 = 0.41 and kappa = (0.8 − 0.41) / (1 − 0.41) = 0.39 / 0.59 ≈ 0.6610.
   */
  const sample = pairs(
    [PQ, PQ, PQ, PQ, PQ, PQ, LD, LD, LD, OT],
    [PQ, PQ, PQ, PQ, PQ, LD, LD, LD, OT, OT],
    [PQ, PQ, PQ, PQ, OT, PQ, LD, OT, OT, PQ],
  );

  it("measures raw agreement, chance agreement and Cohen's kappa", () => {
    const result = measureAgreement(sample);
    expect(result.total).toBe(10);
    expect(result.agreed).toBe(8);
    expect(result.rawAgreement).toBeCloseTo(0.8, 10);
    expect(result.chanceAgreement).toBeCloseTo(0.41, 10);
    expect(result.kappa).toBeCloseTo(0.39 / 0.59, 10);
    expect(result.kappa).toBeCloseTo(0.661, 3);
  });

  it('gives the specific agreement of each cause and the disagreements, most frequent first', () => {
    const result = measureAgreement([...sample, ...pairs([PQ], [LD], [PQ])]);
    const byCause = (rootCause: RootCause) => result.perCause.find((cause) => cause.rootCause === rootCause);
    expect(byCause(PQ)).toMatchObject({ first: 7, second: 5, both: 5 });
    expect(byCause(PQ)?.agreement).toBeCloseTo(10 / 12, 10);
    expect(byCause(LD)?.agreement).toBeCloseTo(4 / 7, 10);
    expect(byCause(OT)?.agreement).toBeCloseTo(2 / 3, 10);
    expect(byCause('malicious')).toMatchObject({ first: 0, second: 0, agreement: 0 });
    expect(result.disagreements).toEqual([
      { first: PQ, second: LD, count: 2 },
      { first: LD, second: OT, count: 1 },
    ]);
  });

  it("scores triage's top-1 against label 1, label 2 and either label", () => {
    // Right on label 1: reviews 0–3, 5, 6 (6 of 10); on label 2: 0–3, 6, 8 (6); on either: 0–3, 5, 6, 8 (7).
    expect(measureAgreement(sample).triageTop1).toEqual({ first: 0.6, second: 0.6, either: 0.7 });
  });

  it('counts full agreement on a single cause as kappa 1 rather than dividing by zero', () => {
    expect(measureAgreement(pairs([PQ, PQ], [PQ, PQ], [PQ, OT])).kappa).toBe(1);
  });

  it('refuses second labels with an unknown cause, a duplicate or a review outside the first labels', () => {
    const first = new Map([['r1', { rootCause: PQ, predicted: PQ }]]);
    expect(pairLabels([{ id: 'r1', rootCause: OT }], first)).toEqual([
      { id: 'r1', first: PQ, second: OT, predicted: PQ },
    ]);
    expect(() => pairLabels([{ id: 'r1', rootCause: 'bad_luck' }], first)).toThrow('malformed');
    expect(() =>
      pairLabels(
        [
          { id: 'r1', rootCause: PQ },
          { id: 'r1', rootCause: PQ },
        ],
        first,
      ),
    ).toThrow('twice');
    expect(() => pairLabels([{ id: 'holdout-1', rootCause: PQ }], first)).toThrow('not a labelled dev review');
  });
});
