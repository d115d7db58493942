/**
 * Chart images for meetings and published bulletins (通报): a chart's live SVG becomes a
 * self-contained SVG file (namespace, explicit size, inlined CJK font stack) with a header block
 * that says what the picture is — title, period, coverage, data source and generation time
 * (Asia/Shanghai) — so an image pasted into a report can never lose its context. PNG is the same
 * SVG drawn at 2× on a canvas.
 *
 * The assembly ({@link assembleChartSvg}) is pure string work and unit-tested; the DOM steps
 * (clone, computed font, legend, canvas) are thin wrappers around it.
 */
import { formatDateTime } from '../ui/format';

export const SVG_NS = 'http://www.w3.org/2000/svg';

/**
 * Fonts an exported image asks for: the page's own font first, then CJK fonts found on Windows,
 * macOS and Linux, so Chinese text renders as glyphs (not boxes) wherever the file is opened.
 */
export const CJK_FONT_STACK = [
  '"PingFang SC"',
  '"Hiragino Sans GB"',
  '"Microsoft YaHei"',
  '"Noto Sans CJK SC"',
  '"Noto Sans SC"',
  '"Source Han Sans SC"',
  '"WenQuanYi Micro Hei"',
  'sans-serif',
].join(', ');

const GENERIC_FAMILIES = new Set([
  'serif',
  'sans-serif',
  'monospace',
  'system-ui',
  'ui-sans-serif',
]);

/**
 * The page's font families (its Latin faces first), then the CJK stack, then the generic family:
 * a generic family in the middle would end the list for a viewer that resolves it first.
 */
export function withCjkFonts(pageFont: string): string {
  const families = pageFont
    .split(',')
    .map((f) => f.trim())
    .filter((f) => f && !GENERIC_FAMILIES.has(f.toLowerCase()));
  return families.length > 0 ? `${families.join(', ')}, ${CJK_FONT_STACK}` : CJK_FONT_STACK;
}

/** One legend entry drawn under the header (recharts renders its legend as HTML, not SVG). */
export interface LegendEntry {
  label: string;
  color: string;
}

/** What the header block of an exported chart says. */
export interface ChartImageHeader {
  title: string;
  /** e.g. "统计周期：2026年第3季度（2026-07-01 至 2026-09-30）". */
  period?: string;
  /** e.g. "14 / 15 个部门有数据". */
  coverage?: string;
  /** Full line, e.g. "数据来源：市政务服务平台办件数据". */
  source?: string;
  /** Full line, e.g. "生成时间：2026/11/22 14:05（北京时间）". */
  generated: string;
  legend?: readonly LegendEntry[];
}

export interface ChartSvgInput {
  /** The chart's own `<svg …>…</svg>` markup (any attributes; it is nested as is). */
  chartMarkup: string;
  width: number;
  height: number;
  /** CSS font-family for every text in the image. */
  fontFamily: string;
  header: ChartImageHeader;
}

const PAD = 16;
const TITLE_SIZE = 18;
const LINE_SIZE = 12;
const LINE_GAP = 6;

/** Escapes text for XML content and attribute values. */
export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** Rough text width (CJK glyphs are about 1 em, Latin about 0.6 em) to lay legend items out. */
function textWidth(text: string, size: number): number {
  let w = 0;
  for (const ch of text) w += /[\u2e80-\uffff]/.test(ch) ? size : size * 0.6;
  return w;
}

/** Makes sure the chart's root `<svg>` declares the SVG namespace (required in a file). */
export function ensureXmlns(markup: string): string {
  const open = /^<svg\b[^>]*>/.exec(markup.trimStart());
  if (!open) throw new Error('chart markup must start with <svg');
  if (/\sxmlns=/.test(open[0])) return markup.trimStart();
  return markup.trimStart().replace(/^<svg\b/, `<svg xmlns="${SVG_NS}"`);
}

/**
 * The chart's root tag with the namespace, an explicit position and size (whatever the live page
 * gave it, e.g. width="100%"), and a viewBox so its drawing keeps its coordinates.
 */
export function placeChart(
  markup: string,
  x: number,
  y: number,
  width: number,
  height: number,
): string {
  const text = ensureXmlns(markup);
  const open = /^<svg\b[^>]*>/.exec(text)![0];
  let attrs = open
    .slice(4, open.endsWith('/>') ? -2 : -1)
    .replace(/\s(?:x|y|width|height)="[^"]*"/g, '');
  if (!/\sviewBox=/.test(attrs)) attrs += ` viewBox="0 0 ${width} ${height}"`;
  const placed = `<svg${attrs} x="${x}" y="${y}" width="${width}" height="${height}"${open.endsWith('/>') ? '/>' : '>'}`;
  return placed + text.slice(open.length);
}

/**
 * Assembles the exported SVG document: a white page with the header lines, an optional legend
 * row, and the chart nested below at its own size. Returns the file text.
 */
export function assembleChartSvg(input: ChartSvgInput): string {
  const { header, width, height } = input;
  const lines: { text: string; size: number; weight: number; fill: string }[] = [
    { text: header.title, size: TITLE_SIZE, weight: 600, fill: '#1f1f1f' },
  ];
  const sub = [header.period, header.coverage].filter((s): s is string => !!s).join('　');
  if (sub) lines.push({ text: sub, size: LINE_SIZE, weight: 400, fill: '#595959' });
  const foot = [header.source, header.generated].filter((s): s is string => !!s).join('　');
  lines.push({ text: foot, size: LINE_SIZE, weight: 400, fill: '#8c8c8c' });

  const parts: string[] = [];
  let y = PAD;
  for (const line of lines) {
    y += line.size;
    parts.push(
      `<text x="${PAD}" y="${y}" font-size="${line.size}" font-weight="${line.weight}" fill="${line.fill}">${escapeXml(line.text)}</text>`,
    );
    y += LINE_GAP;
  }
  const legend = header.legend ?? [];
  if (legend.length > 0) {
    y += LINE_GAP;
    let x = PAD;
    const baseline = y + LINE_SIZE;
    for (const entry of legend) {
      parts.push(
        `<rect x="${x}" y="${baseline - 10}" width="12" height="10" fill="${escapeXml(entry.color)}"/>`,
        `<text x="${x + 16}" y="${baseline}" font-size="${LINE_SIZE}" fill="#434343">${escapeXml(entry.label)}</text>`,
      );
      x += 16 + textWidth(entry.label, LINE_SIZE) + 16;
    }
    y = baseline + LINE_GAP;
  }
  const chartTop = Math.ceil(y + LINE_GAP);
  // The page is as wide as the chart, or as the longest header line (never cut off).
  const headerW = Math.max(...lines.map((l) => textWidth(l.text, l.size)));
  const totalW = Math.ceil(Math.max(width, headerW) + 2 * PAD);
  const totalH = Math.ceil(chartTop + height + PAD);
  const chart = placeChart(input.chartMarkup, PAD, chartTop, width, height);
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<svg xmlns="${SVG_NS}" width="${totalW}" height="${totalH}" viewBox="0 0 ${totalW} ${totalH}" font-family="${escapeXml(input.fontFamily)}">`,
    `<style>text, tspan { font-family: ${input.fontFamily.replace(/[<>]/g, '')}; }</style>`,
    `<rect x="0" y="0" width="${totalW}" height="${totalH}" fill="#ffffff"/>`,
    ...parts,
    chart,
    `</svg>`,
  ].join('\n');
}

/** "生成时间：2026/11/22 14:05（北京时间）" for the header, always in Asia/Shanghai. */
export function generatedLine(nowMs: number, label: string, zoneNote: string): string {
  return `${label}${formatDateTime(nowMs)}${zoneNote}`;
}

/** Reads the total size from an assembled SVG (for the PNG canvas). */
export function svgSize(svgText: string): { width: number; height: number } {
  const m = /<svg[^>]*\swidth="(\d+(?:\.\d+)?)"[^>]*\sheight="(\d+(?:\.\d+)?)"/.exec(svgText);
  if (!m) throw new Error('SVG without explicit width/height');
  return { width: Number(m[1]), height: Number(m[2]) };
}

/**
 * Serialises a live chart `<svg>` element into an SVG file: clones it (the page is untouched),
 * sets explicit width/height and viewBox from its rendered box, and adds the header block.
 */
export function chartSvgFromElement(svg: SVGSVGElement, header: ChartImageHeader): string {
  const box = svg.getBoundingClientRect();
  const width = Math.round(box.width || Number(svg.getAttribute('width')) || 600);
  const height = Math.round(box.height || Number(svg.getAttribute('height')) || 300);
  const clone = svg.cloneNode(true) as SVGSVGElement;
  clone.setAttribute('xmlns', SVG_NS);
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(height));
  if (!clone.getAttribute('viewBox')) clone.setAttribute('viewBox', `0 0 ${width} ${height}`);
  // A style attribute may carry percentage sizes that mean nothing outside the page.
  clone.removeAttribute('style');
  clone.removeAttribute('class');
  const fontFamily = withCjkFonts(getComputedStyle(svg).fontFamily);
  const markup = new XMLSerializer().serializeToString(clone);
  return assembleChartSvg({ chartMarkup: markup, width, height, fontFamily, header });
}

/** The SVG file as a Blob. */
export function svgBlob(svgText: string): Blob {
  return new Blob([svgText], { type: 'image/svg+xml;charset=utf-8' });
}

/** Draws an assembled SVG on a canvas at `scale`× and returns it as a PNG Blob. */
export async function pngBlobFromSvg(svgText: string, scale = 2): Promise<Blob> {
  const { width, height } = svgSize(svgText);
  const image = new Image();
  // A data: URL (not a blob: URL) keeps the canvas untainted in every browser.
  const url = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svgText)}`;
  await new Promise<void>((resolve, reject) => {
    image.onload = () => resolve();
    image.onerror = () => reject(new Error('图表图片生成失败 (SVG could not be drawn)'));
    image.src = url;
  });
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(width * scale);
  canvas.height = Math.round(height * scale);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('canvas 2d context unavailable');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.scale(scale, scale);
  ctx.drawImage(image, 0, 0, width, height);
  return new Promise<Blob>((resolve, reject) => {
    canvas.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error('PNG encoding failed'))),
      'image/png',
    );
  });
}

/**
 * Legend entries read from a recharts legend (HTML `<li class="recharts-legend-item">` with an
 * icon `<svg>` whose shape carries the series colour), so the image shows the same legend.
 */
export function legendFromElement(root: Element): LegendEntry[] {
  const entries: LegendEntry[] = [];
  for (const item of root.querySelectorAll('.recharts-legend-item')) {
    const label = item.querySelector('.recharts-legend-item-text')?.textContent?.trim() ?? '';
    const shape = item.querySelector('svg path, svg line, svg rect');
    const color =
      shape?.getAttribute('fill') && shape.getAttribute('fill') !== 'none'
        ? shape.getAttribute('fill')
        : shape?.getAttribute('stroke');
    if (label) entries.push({ label, color: color ?? '#8c8c8c' });
  }
  return entries;
}
