/**
 * The schemas of the answers the application frame itself asks for on every page (who is signed
 * in, the sync status, the sources, the inbox counts, rejected records, error bodies), gathered so
 * the SPA can load them — and zod with them — as one chunk beside its first requests
 * (src/api/shell-schemas.ts). Re-exports only: each schema is defined once, in its own module.
 */
import { z } from './zod';

export { apiErrorSchema } from './api-error';
export { inboxResponse } from './duban';
export { sourcesResponse } from './imports';
export { meResponse, rejectedResponse, syncStatusResponse } from './service';

/** For writes whose answer carries nothing the SPA reads (204, or an acknowledgement). */
export const anyAnswer = z.unknown();
