import { textIsCompliant, type ComplianceKind } from './rules';

/** One labelled phrasing of compliance/corpus/*.json. */
export interface CorpusEntry {
  readonly text: string;
  readonly expect: 'forbidden' | 'allowed';
  readonly kind: ComplianceKind;
  readonly note?: string;
}

export interface CorpusFigures {
  readonly kind: ComplianceKind | 'all';
  readonly size: number;
  readonly forbidden: number;
  readonly allowed: number;
  /** Share of forbidden phrasings the rules refuse. */
  readonly recall: number;
  /** Share of allowed phrasings that pass every check (not only the one of their kind). */
  readonly precision: number;
  readonly missed: readonly string[];
  readonly falseAlarms: readonly string[];
}

const KINDS: readonly ComplianceKind[] = ['review_link', 'personal_data', 'abuse', 'care'];
/** The checks every text passes; a care text also passes the care check (a reply may name the review). */
const EVERY_TEXT: readonly ComplianceKind[] = ['review_link', 'personal_data', 'abuse'];
const passesEverything = (entry: CorpusEntry) =>
  [...EVERY_TEXT, ...(entry.kind === 'care' ? (['care'] as const) : [])].every((kind) =>
    textIsCompliant(entry.text, kind),
  );

const share = (part: number, whole: number) => (whole === 0 ? 1 : part / whole);

function figuresOf(kind: CorpusFigures['kind'], entries: readonly CorpusEntry[]): CorpusFigures {
  const forbidden = entries.filter((entry) => entry.expect === 'forbidden');
  const allowed = entries.filter((entry) => entry.expect === 'allowed');
  const missed = forbidden.filter((entry) => textIsCompliant(entry.text, entry.kind)).map((entry) => entry.text);
  // An allowed text must pass every check, as a reply does, not only the one of its kind.
  const falseAlarms = allowed.filter((entry) => !passesEverything(entry)).map((entry) => entry.text);
  return {
    kind,
    size: entries.length,
    forbidden: forbidden.length,
    allowed: allowed.length,
    recall: share(forbidden.length - missed.length, forbidden.length),
    precision: share(allowed.length - falseAlarms.length, allowed.length),
    missed,
    falseAlarms,
  };
}

/**
 * Recall on forbidden and precision on allowed phrasings — precision here meaning the share of allowed
 * texts that pass, which is what an agent feels — overall and per kind.
 */
export function measureCorpus(entries: readonly CorpusEntry[]): CorpusFigures[] {
  return [
    figuresOf('all', entries),
    ...KINDS.map((kind) =>
      figuresOf(
        kind,
        entries.filter((entry) => entry.kind === kind),
      ),
    ),
  ];
}
