export * from './care-contact';
export * from './care-report';
export * from './care-settings';
export * from './care-task';
export * from './selection';
