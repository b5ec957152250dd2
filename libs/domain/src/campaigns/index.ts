export * from './campaign-forecast';
export * from './campaign-review';
export * from './forecast-history';
export * from './handling-time';
export * from './promotion-corpus';
export * from './promotion-sign-off';
export * from './promotion-wording';
export * from './quiz';
