export * from './script-types';
export * from './script-library';
export * from './select-script';
export * from './render';
export * from './progress';
export * from './script-checks';
export * from './script-parse';
export * from './script-problem-messages';
