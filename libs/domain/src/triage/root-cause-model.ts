import { classifyWithModel, loadModel, type ModelClassification } from './model/model';
import { SHIPPED_MODEL } from './model/weights';

export { MODEL_VERSION } from './model/weights';
export type { ModelClassification } from './model/model';

/** Decoded on first use only, so that a bundle that never triages (the web) can leave the weights out. */
let loaded: ReturnType<typeof loadModel> | undefined;

/** The shipped model's causes for the text (probabilities, best first) and the n-grams behind the winner. */
export function classifyRootCauseWithModel(text: string): ModelClassification {
  loaded ??= loadModel(SHIPPED_MODEL);
  return classifyWithModel(loaded, text);
}
