export * from './deadlines';
export * from './countdown';
