export * from './promotion-corpus';
export * from './promotion-sign-off';
export * from './promotion-wording';
export * from './quiz';
