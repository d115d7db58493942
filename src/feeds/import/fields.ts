/** Moved to src/feeds/columns/fields.ts (shared by the CLI and the service); kept for the browser import until it is retired. */
export * from '../columns/fields';
