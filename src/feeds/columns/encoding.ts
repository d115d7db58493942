/**
 * Text encodings of imported CSV files. Chinese Excel saves "CSV" in the system code page (GBK,
 * which GB18030 extends), other systems in UTF-8; valid UTF-8 is taken as UTF-8, anything else as
 * GB18030. The page shows the result and lets the user override it.
 */

export const TEXT_ENCODINGS = ['utf-8', 'gb18030'] as const;
export type TextEncodingName = (typeof TEXT_ENCODINGS)[number];

/** What the user sees for each encoding. */
export const ENCODING_LABELS: Record<TextEncodingName, string> = {
  'utf-8': 'UTF-8',
  gb18030: 'GBK / GB18030',
};

/** Bytes looked at by {@link detectEncoding}: enough to meet Chinese text, cheap on huge files. */
const SNIFF_BYTES = 4 * 1024 * 1024;

/**
 * UTF-8 when the (first 4 MiB of the) bytes decode as strict UTF-8, else GB18030. A UTF-8 BOM is
 * UTF-8 outright.
 */
export function detectEncoding(bytes: Uint8Array): TextEncodingName {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  const head = bytes.length > SNIFF_BYTES ? bytes.subarray(0, SNIFF_BYTES) : bytes;
  try {
    // stream: true tolerates a character cut in two at the end of the sample.
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: head !== bytes });
    return 'utf-8';
  } catch {
    return 'gb18030';
  }
}

/** Decodes bytes in an encoding; a leading BOM is dropped. Invalid bytes become U+FFFD. */
export function decodeText(bytes: Uint8Array, encoding: TextEncodingName): string {
  const text = new TextDecoder(encoding).decode(bytes);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
