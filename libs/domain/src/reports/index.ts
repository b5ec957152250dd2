export * from './agent-kpis';
export * from './departments';
export * from './export-cells';
export * from './monthly-report';
export * from './action-items';
export * from './report-labels';
