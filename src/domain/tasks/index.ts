export * from './types';
export * from './deadline';
export * from './evaluate';
export * from './outcome';
