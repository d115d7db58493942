import { describe, expect, it } from 'vitest';
import {
  assembleChartSvg,
  CJK_FONT_STACK,
  ensureXmlns,
  escapeXml,
  generatedLine,
  SVG_NS,
  svgSize,
  withCjkFonts,
} from '../../../src/export/chart-image';

const CHART =
  '<svg class="recharts-surface" width="100%" viewBox="0 0 600 300"><rect x="1" y="2" width="3" height="4"/><text>部门</text></svg>';

function build(overrides: Partial<Parameters<typeof assembleChartSvg>[0]['header']> = {}) {
  return assembleChartSvg({
    chartMarkup: CHART,
    width: 600,
    height: 300,
    fontFamily: `"Custom Font", ${CJK_FONT_STACK}`,
    header: {
      title: '红牌最多的部门',
      period: '统计截止 2026-09-30',
      coverage: '14 / 15 个部门有数据',
      source: '数据来源：政务服务平台办件数据',
      generated: '生成时间：2026/11/22 14:05（北京时间）',
      ...overrides,
    },
  });
}

describe('assembleChartSvg', () => {
  it('declares the SVG namespace on the document and on the nested chart', () => {
    const svg = build();
    expect(
      svg.startsWith(
        '<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg"',
      ),
    ).toBe(true);
    expect(svg).toMatch(
      /<svg xmlns="http:\/\/www.w3.org\/2000\/svg" class="recharts-surface" viewBox="0 0 600 300" x="16" y="\d+" width="600" height="300">/,
    );
    // Well-formed enough for a browser: one root, closed.
    expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
  });

  it('writes the title, period, coverage, data source and generation time as text', () => {
    const svg = build();
    expect(svg).toContain('>红牌最多的部门</text>');
    expect(svg).toContain('统计截止 2026-09-30　14 / 15 个部门有数据');
    expect(svg).toContain('数据来源：政务服务平台办件数据　生成时间：2026/11/22 14:05（北京时间）');
  });

  it('sizes the page explicitly: chart plus padding plus the header block', () => {
    const svg = build();
    const { width, height } = svgSize(svg);
    expect(width).toBe(632);
    // header (3 lines) sits above the 300 px chart, 16 px padding below.
    expect(height).toBeGreaterThan(300 + 16 + 18 + 12 + 12);
    expect(height).toBeLessThan(300 + 140);
    expect(svg).toContain(`viewBox="0 0 ${width} ${height}"`);
    const chartY = Number(/ x="16" y="(\d+)" width="600"/.exec(svg)?.[1]);
    expect(chartY + 300 + 16).toBe(height);
  });

  it('inlines the font stack with CJK fonts for every text', () => {
    const svg = build();
    expect(svg).toContain('font-family="&quot;Custom Font&quot;, &quot;PingFang SC&quot;');
    expect(svg).toContain('Noto Sans CJK SC');
    expect(svg).toMatch(/<style>text, tspan \{ font-family: "Custom Font", "PingFang SC"/);
  });

  it('escapes text so a department name cannot break the file', () => {
    const svg = build({ title: 'A&B <部门> "x"' });
    expect(svg).toContain('>A&amp;B &lt;部门&gt; &quot;x&quot;</text>');
    expect(escapeXml(`'`)).toBe('&apos;');
  });

  it('draws legend entries when given, and leaves the row out otherwise', () => {
    const without = build();
    const withLegend = build({
      legend: [
        { label: '新增黄牌', color: '#faad14' },
        { label: '新增红牌', color: '#cf1322' },
      ],
    });
    expect(without).not.toContain('新增黄牌');
    expect(withLegend).toContain('>新增黄牌</text>');
    expect(withLegend).toContain('fill="#cf1322"');
    expect(svgSize(withLegend).height).toBeGreaterThan(svgSize(without).height);
  });

  it('keeps an existing xmlns and rejects markup that is not an svg', () => {
    expect(ensureXmlns(`<svg xmlns="${SVG_NS}"><g/></svg>`)).toBe(
      `<svg xmlns="${SVG_NS}"><g/></svg>`,
    );
    expect(() => ensureXmlns('<div></div>')).toThrow();
  });

  it('states the generation time in Asia/Shanghai whatever the machine zone', () => {
    // 2026-11-22 06:05 UTC is 14:05 in Shanghai.
    expect(generatedLine(Date.UTC(2026, 10, 22, 6, 5), '生成时间：', '（北京时间）')).toBe(
      '生成时间：2026/11/22 14:05（北京时间）',
    );
  });

  it('widens the page when a header line is longer than the chart (never cut off)', () => {
    const long = '很长的标题'.repeat(30);
    const svg = assembleChartSvg({
      chartMarkup: CHART,
      width: 300,
      height: 200,
      fontFamily: CJK_FONT_STACK,
      header: { title: long, generated: '生成时间：2026/11/22 14:05（北京时间）' },
    });
    // 150 CJK glyphs at 18 px.
    expect(svgSize(svg).width).toBeGreaterThanOrEqual(150 * 18 + 32);
  });

  it('puts the CJK fonts before the generic family of the page font', () => {
    expect(withCjkFonts('Roboto, "Helvetica Neue", sans-serif, "Noto Color Emoji"')).toBe(
      `Roboto, "Helvetica Neue", "Noto Color Emoji", ${CJK_FONT_STACK}`,
    );
    expect(withCjkFonts('')).toBe(CJK_FONT_STACK);
    expect(CJK_FONT_STACK.endsWith('sans-serif')).toBe(true);
  });
});
