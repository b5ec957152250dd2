export * from './case-event';
export * from './case-state';
export * from './command-context';
export * from './commands';
export * from './stages';
