/**
 * The service API's error shape — the same as the feed contract's (docs/feed-contract.md):
 * `{ "error": { "code", "message" } }`. The SPA renders `code` in the user's language; `message`
 * is Chinese first with English in brackets, for logs and other tools.
 */
import { API_ERROR_CODES, type ApiErrorCode } from './api-error-codes';
import { z } from './zod';

export { API_ERROR_CODES, type ApiErrorCode };

export const apiErrorSchema = z.object({
  error: z.object({ code: z.enum(API_ERROR_CODES), message: z.string() }),
});
export type ApiError = z.infer<typeof apiErrorSchema>;
