import type { RootCause } from '../../shared/vocabulary';
import { classifyWithModel, loadModel, type ShippedModel } from './model';
import type { LabelledText } from './train';

/** One in this many corrections is held out in the frozen slice. */
export const FROZEN_SHARE = 5;

/**
 * Whether a correction belongs to the frozen slice, from its stable key (the review it labels): the same key is
 * always in or always out, so a correction once held out is never trained on, whatever arrives after it.
 */
export function isFrozenCorrection(key: string): boolean {
  let hash = 0x811c9dc5;
  for (let index = 0; index < key.length; index += 1) hash = Math.imul(hash ^ key.charCodeAt(index), 0x01000193) >>> 0;
  return hash % FROZEN_SHARE === 0;
}

export interface SliceScore {
  readonly total: number;
  readonly correct: number;
  /** correct / total; 0 on an empty slice. */
  readonly accuracy: number;
}

/** Top-1 agreement of a model with the labels of a slice. */
export function evaluateModel(model: ShippedModel, slice: readonly LabelledText[]): SliceScore {
  const loaded = loadModel(model);
  const correct = slice.filter(
    (item) => classifyWithModel(loaded, item.text).ranking[0]?.rootCause === (item.rootCause satisfies RootCause),
  ).length;
  return { total: slice.length, correct, accuracy: slice.length === 0 ? 0 : correct / slice.length };
}

export type PromotionReason = 'better' | 'as_good' | 'worse' | 'no_frozen_slice';

export interface PromotionDecision {
  readonly promote: boolean;
  readonly reason: PromotionReason;
  readonly candidate: SliceScore;
  readonly current: SliceScore;
}

/**
 * The rule: the candidate goes live when it gets at least as many of the frozen slice right as the model in use.
 * A tie promotes, since the candidate has learnt from more of the team's corrections and is no worse where
 * measured; an empty slice keeps the current model, since there is nothing to show the candidate is not worse.
 */
export function decidePromotion(input: {
  readonly candidate: ShippedModel;
  readonly current: ShippedModel;
  readonly frozenSlice: readonly LabelledText[];
}): PromotionDecision {
  const candidate = evaluateModel(input.candidate, input.frozenSlice);
  const current = evaluateModel(input.current, input.frozenSlice);
  const reason: PromotionReason =
    input.frozenSlice.length === 0
      ? 'no_frozen_slice'
      : candidate.correct > current.correct
        ? 'better'
        : candidate.correct === current.correct
          ? 'as_good'
          : 'worse';
  return { promote: reason === 'better' || reason === 'as_good', reason, candidate, current };
}
