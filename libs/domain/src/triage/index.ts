export * from './buyer-type';
export * from './decision';
export { LEXICON, LEXICON_VERSION, type LexiconEntry } from './lexicon';
export * from './malicious';
export * from './misclick';
export { contrastSpans, isNegatedAt } from './phrase-matcher';
export * from './root-cause';
export * from './root-cause-model';
export {
  MODEL_REFINING,
  MODEL_TRAINING,
  refineRootCauseModel,
  trainRootCauseModel,
  type LabelledText,
  type RefiningSettings,
} from './model/train';
export { classifyWithModel, loadModel, type ShippedModel } from './model/model';
export * from './model/learning';
export * from './severity';
export * from './sub-causes';
export * from './triage';
export * from './triage-types';
