export * from './types';
export * from './case-rules';
export * from './deadline-rush';
export * from './notice-overdue';
export * from './settled';
export * from './revoked-flags';
