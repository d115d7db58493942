/**
 * One of the `evaluate` CLI's worker threads (scripts/cli/evaluate-parallel.ts): takes blocks of
 * whole NDJSON lines from the file's shared buffer, and per line does what the serial path does —
 * trim, `JSON.parse` (ordinary lines: the byte-level fast path `RecordScanner` instead),
 * `parseCaseRecord`, `evaluateCase`, the result row's JSON (`resultRowJson`) — and sends back one
 * compact batch per block (typed arrays + one string of result rows). What depends on the
 * whole file in order (line numbers, record indices, the duplicate-id check, the department
 * summary, the output order) stays on the main thread.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { officialCalendar } from '../../src/domain/calendar';
import { evaluateCase } from '../../src/domain/time-limit';
import { parseCaseRecord } from '../../src/feeds/case-record';
import { defaultDateBounds } from '../../src/feeds/date-bounds';
import { CASE_FIELDS, columnOf } from '../../src/feeds/mapping';
import {
  BIT_COMPLETED,
  BIT_EARLY,
  BIT_LATE,
  BIT_ON_TIME,
  BIT_OVERDUE,
  BIT_UNCOVERED,
  KIND_INVALID,
  KIND_NOT_JSON,
  KIND_OK,
  KIND_TOO_LONG,
  LEVEL_CODES,
  type BlockRequest,
  type BlockResult,
  type WorkerInit,
} from './evaluate-batch';
import { isAscii, resultRowJson, utf8Length } from './evaluate-rows';
import { idHash } from './first-index-table';
import { RecordScanner } from './ndjson-record-scan';

const init = workerData as WorkerInit;
const utf8 = new TextEncoder();
const bytes = Buffer.from(init.buffer);
const cal = officialCalendar();
/** Builds only the properties parseCaseRecord reads (its fields, or the mapping's columns). */
const scanner = RecordScanner.of(
  bytes,
  CASE_FIELDS.map((f) => columnOf(f, init.mapping)),
);

function processBlock(req: BlockRequest): BlockResult {
  const { start, end } = req;
  const bounds = defaultDateBounds();
  let capacity = 1024;
  let line = new Int32Array(capacity);
  let kind = new Uint8Array(capacity);
  let department = new Uint32Array(capacity);
  let code = new Uint8Array(capacity);
  let spans = new Int32Array(capacity * 2);
  let starts = new Uint32Array(capacity);
  let ends = new Uint32Array(capacity);
  let idEnds = new Uint32Array(capacity);
  let idHashes = new Uint32Array(capacity);
  let idText = '';
  const reasons: string[] = [];
  const departments: string[] = [];
  const departmentIndex = new Map<string, number>();
  // The rows' JSON, comma-separated, sent as UTF-8 bytes: they go to the main thread without a
  // copy and to stdout without encoding there (a string would be copied twice and encoded on the
  // main thread). Offsets are in bytes.
  const rows: string[] = [];
  let rowsLength = 0;
  let n = 0;
  let lineNo = 0;
  const grow = (): void => {
    capacity *= 2;
    const g = <T extends Int32Array | Uint8Array | Uint32Array>(
      a: T,
      make: (k: number) => T,
      k: number,
    ): T => {
      const b = make(k);
      b.set(a);
      return b;
    };
    line = g(line, (k) => new Int32Array(k), capacity);
    kind = g(kind, (k) => new Uint8Array(k), capacity);
    department = g(department, (k) => new Uint32Array(k), capacity);
    code = g(code, (k) => new Uint8Array(k), capacity);
    spans = g(spans, (k) => new Int32Array(k), capacity * 2);
    starts = g(starts, (k) => new Uint32Array(k), capacity);
    ends = g(ends, (k) => new Uint32Array(k), capacity);
    idEnds = g(idEnds, (k) => new Uint32Array(k), capacity);
    idHashes = g(idHashes, (k) => new Uint32Array(k), capacity);
  };
  let pos = start;
  while (pos < end) {
    let nl = bytes.indexOf(10, pos);
    if (nl === -1 || nl >= end) nl = end;
    lineNo++;
    const from = pos;
    pos = nl + 1;
    // The fast path reads the line's bytes directly; a line it declines (blank, not JSON, anything
    // outside its subset) takes the ordinary path, which reads it the same way. A line of at most
    // `maxRecordChars` bytes has at most as many characters: never "too long".
    const fast =
      scanner !== null && nl - from <= init.maxRecordChars ? scanner.scan(from, nl) : null;
    let t = '';
    if (fast === null) {
      t = bytes.toString('utf8', from, nl).trim();
      if (t === '') continue;
    }
    if (n === capacity) grow();
    line[n] = lineNo;
    let raw: unknown = fast;
    if (fast === null) {
      if (t.length > init.maxRecordChars) {
        kind[n] = KIND_TOO_LONG;
        idEnds[n] = idText.length;
        n++;
        continue;
      }
      try {
        raw = JSON.parse(t) as unknown;
      } catch {
        kind[n] = KIND_NOT_JSON;
        idEnds[n] = idText.length;
        n++;
        continue;
      }
    }
    const r = parseCaseRecord(raw, init.mapping, bounds);
    if (!r.ok) {
      kind[n] = KIND_INVALID;
      if (r.id !== null) idText += r.id;
      idEnds[n] = idText.length;
      reasons.push(r.reason);
      n++;
      continue;
    }
    const c = r.value;
    const e = evaluateCase(c, init.asOfMs, cal);
    kind[n] = KIND_OK;
    idText += c.id;
    idEnds[n] = idText.length;
    idHashes[n] = idHash(c.id);
    let d = departmentIndex.get(c.departmentId);
    if (d === undefined) {
      d = departments.length;
      departments.push(c.departmentId);
      departmentIndex.set(c.departmentId, d);
    }
    department[n] = d;
    code[n] =
      LEVEL_CODES.indexOf(e.level) |
      (e.completed ? BIT_COMPLETED : 0) |
      (e.onTime === true ? BIT_ON_TIME : 0) |
      (e.late === true ? BIT_LATE : 0) |
      (e.early === true ? BIT_EARLY : 0) |
      (e.overdue ? BIT_OVERDUE : 0) |
      (e.usesUncoveredDates ? BIT_UNCOVERED : 0);
    spans[2 * n] = e.spanFrom;
    spans[2 * n + 1] = e.spanTo;
    const json = resultRowJson(c.id, c.departmentId, e);
    if (rows.length > 0) rowsLength++; // the comma before it
    rows.push(json);
    starts[n] = rowsLength;
    // Everything in a row but the id and department is ASCII, and so is the JSON escaping of an
    // ASCII string: then its bytes are its length, without reading the whole row.
    rowsLength += isAscii(c.id) && isAscii(c.departmentId) ? json.length : utf8Length(json);
    ends[n] = rowsLength;
    n++;
  }
  return {
    block: req.block,
    lineCount: lineNo,
    line: line.slice(0, n),
    kind: kind.slice(0, n),
    idText,
    idEnds: idEnds.slice(0, n),
    idHashes: idHashes.slice(0, n),
    reasons,
    department: department.slice(0, n),
    departments,
    code: code.slice(0, n),
    spans: spans.slice(0, 2 * n),
    rows: utf8.encode(rows.join(',')),
    starts: starts.slice(0, n),
    ends: ends.slice(0, n),
  };
}

parentPort?.on('message', (req: BlockRequest) => {
  const out = processBlock(req);
  const arrays = [
    out.line,
    out.kind,
    out.idEnds,
    out.idHashes,
    out.department,
    out.code,
    out.spans,
    out.starts,
    out.ends,
    out.rows,
  ];
  // Each array was made by `slice`, so it owns a plain ArrayBuffer: moved, not copied.
  parentPort?.postMessage(
    out,
    arrays.map((a) => a.buffer as ArrayBuffer),
  );
});
