/**
 * A first look at a file before the mapping step: its encoding, header and first records, read
 * from the beginning of the file only (CSV, NDJSON), so a 500k-row file is inspected at once.
 */
import { detectEncoding, type TextEncodingName } from './encoding';
import {
  csvTable,
  ImportFileError,
  ndjsonTable,
  readTable,
  type FileFormat,
  type ReadTable,
  type TableRecord,
} from './table';

export interface Inspection {
  format: FileFormat;
  /** The encoding used (override or detected) and the detected one. */
  encoding: TextEncodingName;
  detectedEncoding: TextEncodingName;
  header: string[];
  /** The first records (at most {@link SAMPLE_RECORDS}) and their positions in the file. */
  sample: TableRecord[];
  positions: number[];
}

export const SAMPLE_RECORDS = 200;
const HEAD_BYTES = 512 * 1024;

function decodeHead(
  bytes: Uint8Array,
  encoding: TextEncodingName,
): { text: string; whole: boolean } {
  const whole = bytes.byteLength <= HEAD_BYTES;
  const head = whole ? bytes : bytes.subarray(0, HEAD_BYTES);
  let text = new TextDecoder(encoding).decode(head, { stream: !whole });
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (!whole) {
    // Drop the last, probably cut, line.
    const cut = text.lastIndexOf('\n');
    text = cut === -1 ? text : text.slice(0, cut + 1);
  }
  return { text, whole };
}

function headTable(text: string, whole: boolean, read: (t: string) => ReadTable): ReadTable {
  let t = text;
  for (let attempt = 0; ; attempt++) {
    try {
      return read(t);
    } catch (e) {
      // A quoted cell cut by the sample boundary: retry on fewer lines.
      if (whole || attempt >= 20 || !(e instanceof ImportFileError)) throw e;
      const cut = t.lastIndexOf('\n', t.length - 2);
      if (cut <= 0) throw e;
      t = t.slice(0, cut + 1);
    }
  }
}

/** Inspects a file; `encoding` overrides the detected one (CSV / NDJSON / JSON). */
export async function inspectFile(
  bytes: Uint8Array,
  format: FileFormat,
  encoding?: TextEncodingName,
): Promise<Inspection> {
  const detectedEncoding: TextEncodingName = format === 'xlsx' ? 'utf-8' : detectEncoding(bytes);
  const used = encoding ?? detectedEncoding;
  let table: ReadTable;
  if (format === 'csv' || format === 'ndjson') {
    const { text, whole } = decodeHead(bytes, used);
    table = headTable(text, whole, format === 'csv' ? csvTable : ndjsonTable);
  } else {
    table = await readTable(bytes, format, used);
  }
  return {
    format,
    encoding: used,
    detectedEncoding,
    header: table.header,
    sample: table.records.slice(0, SAMPLE_RECORDS),
    positions: table.positions.slice(0, SAMPLE_RECORDS),
  };
}
