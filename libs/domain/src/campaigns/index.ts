export * from './promotion-corpus';
export * from './promotion-wording';
