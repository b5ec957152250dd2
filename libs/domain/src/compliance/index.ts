export * from './corpus-accuracy';
export * from './extortion';
export * from './normalize';
export * from './personal-data';
export * from './rules';
