/**
 * The service API's error codes, without a schema: the SPA's HTTP client needs them on the first
 * route, where zod is not loaded yet (the schema itself is in ./api-error).
 */
export const API_ERROR_CODES = [
  'bad_request',
  'unauthorized',
  'forbidden',
  'not_found',
  'conflict',
  'payload_too_large',
  'rate_limited',
  'not_ready',
  /** The source is too big to evaluate within the service's heap limit (507). */
  'insufficient_memory',
  'internal',
  'unavailable',
] as const;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];
