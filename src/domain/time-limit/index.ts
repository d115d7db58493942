export * from './types';
export * from './instant';
export * from './evaluate';
export * from './suspensions';
export * from './summary';
