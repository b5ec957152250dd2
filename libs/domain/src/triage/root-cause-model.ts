import { classifyWithModel, loadModel, type LoadedModel, type ModelClassification } from './model/model';
import { SHIPPED_MODEL } from './model/weights';

export { MODEL_VERSION, SHIPPED_MODEL } from './model/weights';
export type { LoadedModel, ModelClassification } from './model/model';

/** Decoded on first use only, so that a bundle that never triages (the web) can leave the weights out. */
let loaded: ReturnType<typeof loadModel> | undefined;

/** The model that ships with the code, decoded once. */
export function shippedModel(): LoadedModel {
  loaded ??= loadModel(SHIPPED_MODEL);
  return loaded;
}

/**
 * A model's causes for the text (probabilities, best first) and the n-grams behind the winner: the shipped model's,
 * unless a shop's own (refined with its corrections) is given.
 */
export function classifyRootCauseWithModel(text: string, model: LoadedModel = shippedModel()): ModelClassification {
  return classifyWithModel(model, text);
}
