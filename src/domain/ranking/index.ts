export * from './settings';
export * from './indicators';
export * from './window';
export * from './tally';
export * from './score';
export * from './rank';
export * from './groups';
