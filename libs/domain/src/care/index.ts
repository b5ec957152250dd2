export * from './care-contact';
export * from './care-report';
export * from './care-scripts';
export * from './care-settings';
export * from './care-task';
export * from './selection';
