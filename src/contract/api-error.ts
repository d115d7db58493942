/**
 * The service API's error shape — the same as the feed contract's (docs/feed-contract.md):
 * `{ "error": { "code", "message" } }`. The SPA renders `code` in the user's language; `message`
 * is Chinese first with English in brackets, for logs and other tools.
 */
import { z } from './zod';

export const API_ERROR_CODES = [
  'bad_request',
  'unauthorized',
  'forbidden',
  'not_found',
  'conflict',
  'payload_too_large',
  'rate_limited',
  'not_ready',
  'internal',
  'unavailable',
] as const;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

export const apiErrorSchema = z.object({
  error: z.object({ code: z.enum(API_ERROR_CODES), message: z.string() }),
});
export type ApiError = z.infer<typeof apiErrorSchema>;
