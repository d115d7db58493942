export * from './day';
export * from './calendar';
export * from './official';
