/**
 * The source text of each element of a feed page's `items` array, cut out of the page as received.
 * The sync stores each record's text; cutting it out costs a scan of the page, where writing each
 * parsed record out again (`JSON.stringify`) cost about as much as parsing it (issue 17). What is
 * stored is the record exactly as the platform sent it, which parses to the same value the
 * validators accepted (`LiveDataset.load` validates it again on the next start).
 */

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COLON = 0x3a;
const COMMA = 0x2c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

/** Index of the quote closing the string that opens at `open`, or -1. */
function stringEnd(text: string, open: number): number {
  let at = text.indexOf('"', open + 1);
  while (at >= 0) {
    let slashes = 0;
    for (let k = at - 1; text.charCodeAt(k) === BACKSLASH; k--) slashes++;
    if (slashes % 2 === 0) return at;
    at = text.indexOf('"', at + 1);
  }
  return -1;
}

function skipSpace(text: string, from: number): number {
  let i = from;
  while (i < text.length && isSpace(text.charCodeAt(i))) i++;
  return i;
}

function trimmedEnd(text: string, end: number): number {
  let e = end;
  while (e > 0 && isSpace(text.charCodeAt(e - 1))) e--;
  return e;
}

/**
 * The texts of the elements of the top-level object's `items` array (the last `items` key, as
 * `JSON.parse` reads it), or null when the page is not shaped so: the caller then writes the
 * parsed records out instead. Assumes `text` is valid JSON (it was parsed before).
 */
export function itemTexts(text: string): string[] | null {
  let i = skipSpace(text, 0);
  if (text.charCodeAt(i) !== OPEN_BRACE) return null;
  i++;
  let depth = 1;
  let found: string[] | null = null;
  /** The key whose value comes next at depth 1. */
  let key: string | null = null;
  /** Inside the `items` array: its elements so far and where the current one started. */
  let items: string[] | null = null;
  let start = -1;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) {
      i++;
      continue;
    }
    if (items !== null && depth === 2 && start < 0 && c !== CLOSE_BRACKET && c !== COMMA) start = i;
    if (c === QUOTE) {
      const end = stringEnd(text, i);
      if (end < 0) return null;
      if (depth === 1 && key === null) {
        const next = skipSpace(text, end + 1);
        if (text.charCodeAt(next) === COLON) {
          const name: unknown = JSON.parse(text.slice(i, end + 1));
          key = typeof name === 'string' ? name : '';
          i = next + 1;
          continue;
        }
      }
      if (depth === 1) key = null;
      i = end + 1;
      continue;
    }
    if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      if (depth === 1) {
        if (key === 'items' && c === OPEN_BRACKET) {
          items = [];
          start = -1;
        }
        key = null;
      }
      depth++;
    } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
      depth--;
      if (items !== null && depth === 1) {
        if (start >= 0) items.push(text.slice(start, trimmedEnd(text, i)));
        found = items;
        items = null;
      }
      if (depth === 0) return found;
    } else if (c === COMMA) {
      if (items !== null && depth === 2) {
        if (start < 0) return null;
        items.push(text.slice(start, trimmedEnd(text, i)));
        start = -1;
      }
      if (depth === 1) key = null;
    } else if (depth === 1) {
      key = null; // a number or literal value at the top level
    }
    i++;
  }
  return null;
}
