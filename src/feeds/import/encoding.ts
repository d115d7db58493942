/** Moved to src/feeds/columns/encoding.ts (shared by the CLI and the service); kept for the browser import until it is retired. */
export * from '../columns/encoding';
