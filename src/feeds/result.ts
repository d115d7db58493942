/**
 * Validation at the feed boundary: every page of every feed is split into accepted records and
 * rejected ones, each rejection carrying a reason a person can read. Nothing is cast and nothing is
 * dropped silently; one bad record never takes its page down, while a malformed envelope (the page
 * itself) is an error for the whole page because nothing on it can be trusted.
 */

/** A record the boundary refused, kept whole so the user can open and download it. */
export interface RejectedRecord {
  /** Feed resource the record came from (`cases`, `evaluations`, …) or a file name. */
  resource: string;
  /** Position of the record in the whole feed (page offset + position on the page), 0-based. */
  index: number;
  /** The record's own id when one could be read, so the user can look it up at the source. */
  id: string | null;
  /** Why it was refused: Chinese first, English in brackets. */
  reason: string;
  /** The record exactly as received. */
  raw: unknown;
}

/** Accepted records plus the rejected ones, in feed order. */
export interface ParseResult<T> {
  accepted: T[];
  rejected: RejectedRecord[];
}

/** The outcome of checking one record. */
export type RecordOutcome<T> =
  { ok: true; value: T } | { ok: false; reason: string; id: string | null };

/** Checks one raw record; may return a failure and, being untrusted code's input, may even throw. */
export type RecordParser<T> = (raw: unknown) => RecordOutcome<T>;

/** Best-effort id of a raw record for the rejection list (`id`, else `code`, else null). */
export function rawRecordId(raw: unknown): string | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const record = raw as Record<string, unknown>;
  for (const key of ['id', 'code']) {
    const value = record[key];
    if (typeof value === 'string' && value.length > 0) return value;
    if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  }
  return null;
}

/**
 * Parses each raw record on its own: a failure or even a throw inside `parseOne` becomes a
 * rejection for that record only, and the rest of the page is still delivered.
 *
 * @param resource - recorded on each rejection (`cases`, …)
 * @param raws - the records as received
 * @param parseOne - checks one record
 * @param indexOffset - position of `raws[0]` in the whole feed, so indexes stay meaningful across pages
 */
export function parseRecords<T>(
  resource: string,
  raws: readonly unknown[],
  parseOne: RecordParser<T>,
  indexOffset = 0,
): ParseResult<T> {
  const accepted: T[] = [];
  const rejected: RejectedRecord[] = [];
  for (let i = 0; i < raws.length; i++) {
    const raw = raws[i];
    let outcome: RecordOutcome<T>;
    try {
      outcome = parseOne(raw);
    } catch (error) {
      // A validator bug or an exotic value (a getter that throws) must still not sink the page.
      const detail = error instanceof Error ? error.message : String(error);
      outcome = {
        ok: false,
        reason: `记录无法解析 (record could not be parsed: ${detail})`,
        id: safeRawId(raw),
      };
    }
    if (outcome.ok) accepted.push(outcome.value);
    else {
      rejected.push({
        resource,
        index: indexOffset + i,
        id: outcome.id ?? safeRawId(raw),
        reason: outcome.reason,
        raw,
      });
    }
  }
  return { accepted, rejected };
}

function safeRawId(raw: unknown): string | null {
  try {
    return rawRecordId(raw);
  } catch {
    return null;
  }
}

/** One validated page of a feed. */
export interface FeedPage<T> extends ParseResult<T> {
  /** Opaque cursor of the next page; null on the last page. */
  nextCursor: string | null;
  /** The server's clock when it produced the page, verbatim: pass it back as `updatedSince` next time. */
  serverTime: string;
}

/** Thrown by {@link parsePage} when the page itself (not a record on it) is malformed. */
export class FeedPageError extends Error {
  override readonly name = 'FeedPageError';
  constructor(
    readonly resource: string,
    message: string,
  ) {
    super(message);
  }
}

// Accepts what the contract promises (ISO 8601 with an offset or Z); the exact instant is not
// needed here, only that the client can send the value back as `updatedSince`.
const SERVER_TIME_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * Validates a page envelope `{ items, nextCursor, serverTime }` and parses its records.
 *
 * @throws FeedPageError with a readable message when the envelope is malformed (not an object,
 *   `items` not an array, a bad cursor or server time): the whole page is unusable then.
 */
export function parsePage<T>(
  resource: string,
  body: unknown,
  parseOne: RecordParser<T>,
  indexOffset = 0,
): FeedPage<T> {
  const fail = (zh: string, en: string): never => {
    throw new FeedPageError(
      resource,
      `${resource} 数据页格式错误：${zh} (malformed ${resource} page: ${en})`,
    );
  };
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return fail('响应体不是 JSON 对象', `the body is not a JSON object, got ${describe(body)}`);
  }
  const envelope = body as Record<string, unknown>;
  const items = envelope['items'];
  if (!Array.isArray(items)) {
    return fail('缺少 items 数组', `"items" must be an array, got ${describe(items)}`);
  }
  const nextCursor = envelope['nextCursor'];
  if (nextCursor !== null && (typeof nextCursor !== 'string' || nextCursor.length === 0)) {
    return fail(
      'nextCursor 必须是非空字符串或 null',
      `"nextCursor" must be a non-empty string or null, got ${describe(nextCursor)}`,
    );
  }
  const serverTime = envelope['serverTime'];
  if (typeof serverTime !== 'string' || !SERVER_TIME_RE.test(serverTime)) {
    return fail(
      'serverTime 必须是带时区的 ISO 8601 时间',
      `"serverTime" must be an ISO 8601 instant with an offset, got ${describe(serverTime)}`,
    );
  }
  const parsed = parseRecords(resource, items, parseOne, indexOffset);
  return { ...parsed, nextCursor, serverTime };
}

/** A short, safe description of an unexpected value for messages (never the whole value). */
export function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  switch (typeof value) {
    case 'string': {
      const shown = value.length > 40 ? `${value.slice(0, 40)}…` : value;
      return JSON.stringify(shown);
    }
    case 'number':
    case 'boolean':
      return String(value);
    case 'object':
      return 'an object';
    default:
      return typeof value;
  }
}

/**
 * The rejection reason of a record whose id an earlier record already has (the first one is
 * kept). Names the first record by its **1-based record number** (第 N 条, as the CLI and the
 * rejection tables count), and by the line or sheet row the file shows when given, e.g.
 * `办件编号重复，与第 3 条记录（文件第 4 行）相同 (duplicate id, same as record 3, line 4)`.
 *
 * @param idZh the id's Chinese name (办件编号)
 * @param firstIndex 0-based index of the first record with this id
 * @param where where that record is in the file, e.g. `{ zh: '文件第 4 行', en: 'line 4' }`
 */
export function duplicateIdReason(
  idZh: string,
  firstIndex: number,
  where?: { zh: string; en: string },
): string {
  const n = firstIndex + 1;
  return where === undefined
    ? `${idZh}重复，与第 ${n} 条记录相同 (duplicate id, same as record ${n})`
    : `${idZh}重复，与第 ${n} 条记录（${where.zh}）相同 (duplicate id, same as record ${n}, ${where.en})`;
}
