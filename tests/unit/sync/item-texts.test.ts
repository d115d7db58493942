/**
 * Cutting a feed page's records out of the page text (server/sync/item-texts.ts): what the sync
 * stores for each record must parse to exactly the record `JSON.parse` read from the page, for any
 * JSON, any spacing and any order of the envelope's keys.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { itemTexts } from '../../../server/sync/item-texts';

const space = fc.constantFrom('', ' ', '\n', '\t  ', '\r\n ');

/** JSON text of a value with random spacing between tokens (as another server might write it). */
function spaced(value: unknown, gaps: () => string): string {
  if (Array.isArray(value)) {
    return `[${gaps()}${value.map((v) => spaced(v, gaps)).join(`${gaps()},${gaps()}`)}${gaps()}]`;
  }
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value).map(
      ([k, v]) => `${JSON.stringify(k)}${gaps()}:${gaps()}${spaced(v, gaps)}`,
    );
    return `{${gaps()}${entries.join(`${gaps()},${gaps()}`)}${gaps()}}`;
  }
  return JSON.stringify(value);
}

describe('itemTexts', () => {
  it('gives each record text that parses to the record JSON.parse read, whatever the spacing and key order', () => {
    fc.assert(
      fc.property(
        fc.array(fc.jsonValue(), { maxLength: 8 }),
        fc.array(space, { minLength: 1, maxLength: 5 }),
        fc.boolean(),
        fc.jsonValue(),
        (items, gapList, itemsFirst, other) => {
          let k = 0;
          const gaps = (): string => gapList[k++ % gapList.length] ?? '';
          const envelope = itemsFirst
            ? { items, nextCursor: 'c"]}', other }
            : { other, nextCursor: null, items };
          const text = spaced(envelope, gaps);
          const texts = itemTexts(text);
          const parsed = (JSON.parse(text) as { items: unknown[] }).items;
          expect(texts?.map((t) => JSON.parse(t) as unknown)).toEqual(parsed);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('keeps the record exactly as sent, escapes and all', () => {
    const text = '{"items":[{"id":"A\\"1","name":"\\u4e2d\\\\"} , 3 ,"x"],"nextCursor":null}';
    expect(itemTexts(text)).toEqual(['{"id":"A\\"1","name":"\\u4e2d\\\\"}', '3', '"x"']);
  });

  it('reads the last items key, as JSON.parse does, and nothing when the page has none', () => {
    expect(itemTexts('{"items":[1],"items":[{"a":[2]}]}')).toEqual(['{"a":[2]}']);
    expect(itemTexts('{"items":"not a list"}')).toBeNull();
    expect(itemTexts('[{"items":[1]}]')).toBeNull();
    expect(itemTexts('{"page":{"items":[1]}}')).toBeNull();
  });
});
