/**
 * The documented error body of every feed endpoint: `{ "error": { "code", "message" } }`.
 */

/** Machine-readable error codes the demo server uses; a real server may send others. */
export const FEED_ERROR_CODES = [
  'bad_request',
  'invalid_cursor',
  'unauthorized',
  'forbidden',
  'not_found',
  'rate_limited',
  'internal',
  'unavailable',
] as const;

/** The error body as it travels on the wire. */
export interface FeedErrorBody {
  error: { code: string; message: string };
}

/** Reads an error body; null when the body does not follow the contract (e.g. a proxy's HTML page). */
export function parseFeedErrorBody(body: unknown): FeedErrorBody['error'] | null {
  if (typeof body !== 'object' || body === null) return null;
  const error = (body as Record<string, unknown>)['error'];
  if (typeof error !== 'object' || error === null) return null;
  const code = (error as Record<string, unknown>)['code'];
  const message = (error as Record<string, unknown>)['message'];
  if (typeof code !== 'string' || typeof message !== 'string') return null;
  return { code, message };
}

/** Builds an error body (used by the demo server and scenario helpers). */
export function feedErrorBody(code: string, message: string): FeedErrorBody {
  return { error: { code, message } };
}
