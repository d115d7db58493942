/** Moved to src/feeds/columns/timestamp.ts (shared by the CLI and the service); kept for the browser import until it is retired. */
export * from '../columns/timestamp';
