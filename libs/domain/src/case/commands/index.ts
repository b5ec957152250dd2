export * from './appeal';
export * from './closing';
export * from './compensation';
export * from './contact';
export { OPEN_STAGES } from './guards';
export * from './remedy';
export * from './reply';
export * from './root-cause';
export * from './transition';
