export * from './case-builder';
