/**
 * `city` (the synced feed) or `import:<id>` (a dataset imported from a file). A plain pattern, no
 * schema: the shell checks `?source=` on the first route, before zod is loaded.
 */
export const SOURCE_ID_PATTERN = /^(city|import:[A-Za-z0-9_-]{1,64})$/;
