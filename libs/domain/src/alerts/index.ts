export * from './alert-message';
export * from './robots';
