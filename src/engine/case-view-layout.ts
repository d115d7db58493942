/**
 * Geometry of the case timeline chart (pure, so it can be unit-tested): the scale from axis
 * positions to pixels and the rows of the marker labels, placed so that two deadlines on the same
 * or neighbouring days never print over each other.
 */

/** Fixed drawing sizes of the timeline (pixels in the SVG's own coordinates). */
export const TIMELINE_GEOMETRY = {
  width: 960,
  labelWidth: 176,
  rightPad: 24,
  laneHeight: 26,
  markerRowHeight: 16,
  axisHeight: 46,
  captionHeight: 20,
  legendHeight: 24,
} as const;

/** Rough rendered width of a text: CJK glyphs are about 1 em, others about 0.6 em. */
export function estimateTextWidth(text: string, fontSize: number): number {
  let w = 0;
  for (const ch of text) w += /[\u2e80-\uffff]/.test(ch) ? fontSize : fontSize * 0.6;
  return w;
}

/** Maps axis positions (−1 … maxX) to pixels of the plot area. */
export function timelineScale(maxX: number): (x: number) => number {
  const { width, labelWidth, rightPad } = TIMELINE_GEOMETRY;
  const x0 = labelWidth + 8;
  const span = Math.max(1, maxX + 1.5);
  const w = width - x0 - rightPad;
  return (x) => x0 + ((x + 1) / span) * w;
}

export interface PlacedLabel<T> {
  item: T;
  /** Left pixel of the label text. */
  left: number;
  row: number;
}

/**
 * Places labels left to right in the first row where they do not overlap an earlier one; a label
 * near the right edge is drawn to the left of its line.
 */
export function placeLabels<T>(
  items: readonly { item: T; px: number; text: string }[],
  fontSize: number,
  maxRight: number,
): { placed: PlacedLabel<T>[]; rows: number } {
  const rowsEnd: number[] = [];
  const placed: PlacedLabel<T>[] = [];
  const sorted = [...items].sort((a, b) => a.px - b.px);
  for (const it of sorted) {
    const w = estimateTextWidth(it.text, fontSize) + 6;
    const left = it.px + w > maxRight ? it.px - w : it.px + 3;
    let row = rowsEnd.findIndex((end) => end <= left);
    if (row === -1) {
      row = rowsEnd.length;
      rowsEnd.push(0);
    }
    rowsEnd[row] = left + w;
    placed.push({ item: it.item, left, row });
  }
  return { placed, rows: rowsEnd.length };
}
