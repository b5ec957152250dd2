import { checkPromotionWording, PROMOTION_TRAP_CODES, type PromotionTrapCode } from './promotion-wording';

/** One labelled promotion wording of campaigns/corpus/promotion-wording.json: the exact traps it holds. */
export interface PromotionCorpusEntry {
  readonly text: string;
  readonly expect: readonly PromotionTrapCode[];
}

export interface PromotionCorpusFigures {
  readonly code: PromotionTrapCode;
  /** Wordings labelled with the trap, and the wordings labelled without it. */
  readonly positives: number;
  readonly negatives: number;
  /** Share of the trap's wordings flagged with it. */
  readonly recall: number;
  /** Share of the trap's flags that are on wordings labelled with it. */
  readonly precision: number;
  readonly missed: readonly string[];
  readonly falseAlarms: readonly string[];
}

const share = (part: number, whole: number) => (whole === 0 ? 1 : part / whole);

/** Recall and precision of every trap code over a labelled corpus. */
export function measurePromotionCorpus(entries: readonly PromotionCorpusEntry[]): PromotionCorpusFigures[] {
  const flagged = entries.map((entry) => ({
    entry,
    codes: new Set(checkPromotionWording(entry.text).map((finding) => finding.code)),
  }));
  return PROMOTION_TRAP_CODES.map((code) => {
    const positives = flagged.filter(({ entry }) => entry.expect.includes(code));
    const missed = positives.filter(({ codes }) => !codes.has(code)).map(({ entry }) => entry.text);
    const falseAlarms = flagged
      .filter(({ entry, codes }) => codes.has(code) && !entry.expect.includes(code))
      .map(({ entry }) => entry.text);
    const hits = positives.length - missed.length;
    return {
      code,
      positives: positives.length,
      negatives: entries.length - positives.length,
      recall: share(hits, positives.length),
      precision: share(hits, hits + falseAlarms.length),
      missed,
      falseAlarms,
    };
  });
}
