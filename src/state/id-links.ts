/**
 * The one way an id from data (department, case) becomes a path segment of an app route, and back.
 *
 * `encodeURIComponent` alone is not enough (issue 18.1):
 * - the browser resolves a segment `.` or `..` — and `%2E`/`%2E%2E` alike (WHATWG URL) — before
 *   the router sees it, so `/departments/..` opens `/`;
 * - react-router decodes the segment once and then turns every literal `%2F` into `/`, so an id
 *   that really is `%2F` would arrive as `/`.
 * So the id is first escaped on its own (every `%` as `%25`, and an id of only one or two dots as
 * `%2E`s) and then percent-encoded for the URL. After the router's decoding the param holds the
 * escaped form, which contains no `%2F` and no bare dot segment; {@link idFromSegment} undoes the
 * escape. Ids of plain letters and digits come out unchanged (`/departments/D13`).
 */
import { useParams } from 'react-router';

/** Lone UTF-16 surrogates cannot be percent-encoded (encodeURIComponent throws). */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** The id escaped so that react-router's param decoding can be undone exactly. */
function escapeId(id: string): string {
  if (id === '.' || id === '..') return id.replace(/\./g, '%2E');
  return id.replace(/%/g, '%25');
}

/** The path segment that carries `id` (already percent-encoded: put it in a path as is). */
export function idSegment(id: string): string {
  // A lone surrogate cannot travel in a URL at all; replacing it keeps the page from crashing
  // (the link then opens "not found" instead of throwing while rendering).
  return encodeURIComponent(escapeId(id.replace(LONE_SURROGATE, '\uFFFD')));
}

/** The id from a route param as react-router hands it over (`useParams()`). */
export function idFromSegment(param: string): string {
  try {
    return decodeURIComponent(param);
  } catch {
    // Only a hand-typed URL gets here (our links always escape `%`): show it as typed.
    return param;
  }
}

/** `/departments/{id}`: a department's page. */
export const departmentPath = (id: string): string => `/departments/${idSegment(id)}`;

/** `/cases/{id}`: a case's page. */
export const casePath = (id: string): string => `/cases/${idSegment(id)}`;

/** The id a route param carries (`departments/:departmentId`, `cases/:caseId`), decoded. */
export function useIdParam(name: 'departmentId' | 'caseId'): string {
  const value = useParams()[name];
  return value === undefined ? '' : idFromSegment(value);
}

/** The path of a 督办单's page (notice ids are the service's integers: nothing to encode). */
export function noticePath(id: number): string {
  return `/notices/${String(id)}`;
}
