export * from './case';
export * from './deadlines';
export * from './policies';
export * from './refusals';
export * from './reports';
export * from './scripts';
export * from './shared/vocabulary';
export * from './triage';
