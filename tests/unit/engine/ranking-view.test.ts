import { describe, expect, it } from 'vitest';
import { generateDemoCity } from '../../../mocks/demo-city';
import { INDICATOR_KEYS } from '../../../src/domain/ranking';
import { DEFAULT_SLOW_ACTION_THRESHOLDS } from '../../../src/domain/slow-action';
import { indexDataset } from '../../../src/engine/dataset';
import { rankQuarter, type QuarterRanking } from '../../../src/engine/ranking';
import { rankingEvidence } from '../../../src/engine/ranking-evidence';
import {
  compositeBars,
  formatFraction,
  formatIndicatorValue,
  formatScore,
  indicatorBreakdown,
  rankChangeView,
  rankingExportRows,
  rankingGroups,
  rankTrend,
} from '../../../src/engine/ranking-view';
import { evidenceLists } from '../../../src/engine/ranking-view-evidence';
import { executeRankingJob } from '../../../src/engine/ranking-view-job';
import { rankingMethodology } from '../../../src/engine/ranking-view-methodology';
import { methodologyText } from '../../../src/export/methodology-words';
import { rankingExportColumns } from '../../../src/features/rankings/ranking-export';
import { DEFAULT_ENGINE_SETTINGS } from '../../../src/engine/settings';
import { parseRecords } from '../../../src/feeds/result';
import { parseCase } from '../../../src/feeds/schemas/case';
import { parseCaseEvent } from '../../../src/feeds/schemas/case-event';
import { parseDepartment } from '../../../src/feeds/schemas/department';
import { parseEvaluation } from '../../../src/feeds/schemas/evaluation';

const raw = generateDemoCity({ seed: 3, cases: 3000, asOf: '2026-09-30' });
const ds = indexDataset({
  departments: parseRecords('departments', raw.departments, parseDepartment).accepted,
  items: [],
  cases: parseRecords('cases', raw.cases, parseCase).accepted,
  caseEvents: parseRecords('case-events', raw.caseEvents, parseCaseEvent).accepted,
  evaluations: parseRecords('evaluations', raw.evaluations, parseEvaluation).accepted,
  tasks: [],
});
const Q3 = { kind: 'quarter', year: 2026, quarter: 3 } as const;
const asOfMs = Date.parse('2026-09-30T23:59:59+08:00');
const settings = { ...DEFAULT_ENGINE_SETTINGS.ranking, minCountedCases: 15 };
const r: QuarterRanking = rankQuarter(ds, Q3, { asOfMs, settings });

describe('ranking view models', () => {
  it('splits the ranking into ranked, 样本不足 and no-data groups, keeping the order', () => {
    const g = rankingGroups(r);
    expect(g.ranked.length).toBeGreaterThan(3);
    expect(g.insufficient.length).toBeGreaterThan(0);
    expect(g.ranked.length + g.insufficient.length + g.noData.length).toBe(r.departments.length);
    expect(g.ranked.map((d) => d.rank)).toEqual(
      [...g.ranked.map((d) => d.rank)].sort((a, b) => (a ?? 0) - (b ?? 0)),
    );
    for (const d of g.insufficient) expect(d.counted).toBeLessThan(15);
    for (const d of g.noData) expect(d.counted).toBe(0);
  });

  it('feeds the chart exactly the ranked rows with their scores', () => {
    const g = rankingGroups(r);
    const bars = compositeBars(g.ranked);
    expect(bars.map((b) => [b.departmentId, b.rank, b.score])).toEqual(
      g.ranked.map((d) => [d.departmentId, d.rank, d.score]),
    );
    // 样本不足 rows never become bars, even with a composite
    expect(compositeBars(g.insufficient)).toEqual([]);
  });

  it('words the export in the UI language: no Chinese in English except the feed department names', () => {
    const rows = rankingExportRows(r);
    const cjk = /[\u3000-\u303f\u4e00-\u9fff\uff01-\uff5e]/;
    const en = rankingExportColumns(r, 'en');
    for (const c of en) expect(c.header, c.key).not.toMatch(cjk);
    for (const row of rows)
      for (const c of en)
        if (c.key !== 'departmentName' || row.status === '全市合计')
          expect(String(c.value(row) ?? ''), `${c.key} of ${row.departmentId}`).not.toMatch(cjk);
    const zh = rankingExportColumns(r, 'zh-CN');
    expect(zh.find((c) => c.key === 'score')?.header).toBe('综合分');
    expect(zh.find((c) => c.key === 'status')?.value(rows[0]!)).toBe('排名');
  });

  it('exports every department once, in the page order, then the pooled city row', () => {
    const rows = rankingExportRows(r);
    expect(rows).toHaveLength(r.departments.length + 1);
    expect(rows.at(-1)).toMatchObject({
      status: '全市合计',
      counted: r.city.counted,
      score: r.city.score,
    });
    const statuses = rows.map((x) => x.status);
    expect(statuses.indexOf('样本不足')).toBeGreaterThan(statuses.lastIndexOf('排名'));
    const byId = new Map(r.departments.map((d) => [d.departmentId, d]));
    for (const row of rows.slice(0, -1)) {
      const d = byId.get(row.departmentId);
      expect(row.score).toBe(d?.score);
      expect(row.indicators).toBe(d?.indicators);
    }
  });

  it('marks rank changes ▲▼ from previousRank − rank', () => {
    expect(rankChangeView({ rankChange: 3 })).toEqual({ kind: 'up', text: '▲3' });
    expect(rankChangeView({ rankChange: -2 })).toEqual({ kind: 'down', text: '▼2' });
    expect(rankChangeView({ rankChange: 0 })).toEqual({ kind: 'same', text: '=' });
    expect(rankChangeView({ rankChange: null })).toEqual({ kind: 'none', text: '—' });
  });

  it('formats scores, values and fractions as ranked (zh-CN)', () => {
    expect(formatScore(91.5)).toBe('91.50');
    expect(formatScore(null)).toBe('—');
    expect(formatIndicatorValue('onTimeRate', 0.965517)).toBe('96.55%');
    expect(formatIndicatorValue('slowActionRate', 3.333333)).toBe('3.33 个/百件');
    expect(formatIndicatorValue('goodRate', null)).toBe('—');
    expect(
      formatFraction('onTimeRate', {
        value: 0.5,
        rate: 50,
        unit: 'percent',
        score: 50,
        numerator: 1234,
        denominator: 2468,
      }),
    ).toBe('1,234 / 2,468');
    expect(
      formatFraction('limitUtilisation', {
        value: 0.5,
        rate: 50,
        unit: 'percent',
        score: 50,
        numerator: 12.345678,
        denominator: 25,
      }),
    ).toBe('Σ 12.35 / 25');
  });

  it('puts a department beside the pooled city for each indicator', () => {
    const d = rankingGroups(r).ranked[0]!;
    const points = indicatorBreakdown(r, d.departmentId);
    expect(points.map((p) => p.key)).toEqual([...INDICATOR_KEYS]);
    for (const p of points) {
      expect(p.department).toBe(d.indicators[p.key].score);
      expect(p.city).toBe(r.city.indicators[p.key].score);
      expect(p.weight).toBe(r.weights[p.key]);
    }
  });

  it('reads a department rank trend out of rankHistory (gaps stay null)', () => {
    const h = executeRankingJob(ds, {
      kind: 'history',
      quarter: Q3,
      n: 3,
      options: {
        asOfMs,
        ranking: settings,
        slowAction: DEFAULT_SLOW_ACTION_THRESHOLDS,
        extraCalendarFiles: [],
      },
    });
    const d = rankingGroups(r).ranked[0]!;
    const trend = rankTrend(h, d.departmentId);
    expect(trend.map((p) => p.quarter)).toEqual(['2026Q1', '2026Q2', '2026Q3']);
    expect(trend[2]).toMatchObject({ rank: d.rank, score: d.score, counted: d.counted });
    expect(rankTrend(h, 'NO-SUCH')).toEqual(
      h.quarters.map((q) => ({ quarter: q, rank: null, score: null, counted: 0 })),
    );
  });
});

describe('ranking jobs', () => {
  it('compute what rankQuarter computes with the same settings', () => {
    const viaJob = executeRankingJob(ds, {
      kind: 'quarter',
      quarter: Q3,
      options: {
        asOfMs,
        ranking: settings,
        slowAction: DEFAULT_SLOW_ACTION_THRESHOLDS,
        extraCalendarFiles: [],
      },
    });
    expect(viaJob).toEqual(r);
  });
});

describe('drill-down lists', () => {
  it('list as many records as each numerator and denominator counts', () => {
    const d = rankingGroups(r).ranked[0]!;
    const ev = rankingEvidence(ds, Q3, d.departmentId, { asOfMs, settings });
    for (const k of INDICATOR_KEYS) {
      const lists = evidenceLists(ev, k);
      const v = d.indicators[k];
      expect(lists.denominator).toHaveLength(v.denominator);
      if (k !== 'limitUtilisation') expect(lists.numerator).toHaveLength(v.numerator);
      const keys = new Set(lists.numerator.map((x) => x.rowKey));
      expect(keys.size).toBe(lists.numerator.length);
      for (const row of lists.denominator) expect(row.note).not.toBe('');
    }
  });
});

describe('methodology', () => {
  it('is written from the settings the ranking used', () => {
    const custom = rankQuarter(ds, Q3, {
      asOfMs,
      settings: {
        weights: { ...settings.weights, goodRate: 40 },
        minCountedCases: 12,
        rectificationWindowDays: 5,
      },
    });
    const method = rankingMethodology(custom, { ...DEFAULT_SLOW_ACTION_THRESHOLDS, stallDays: 4 });
    expect(method.totalWeight).toBe(120);
    const good = method.indicators.find((i) => i.key === 'goodRate');
    expect(good).toMatchObject({ weight: 40, share: 0.3333, better: 'higher' });
    const m = methodologyText(method, 'zh-CN');
    expect(m.rows.find((i) => i.key === 'goodRate')).toMatchObject({
      weight: '40（33.3%）',
      direction: '高者为优',
    });
    expect(m.rows.find((i) => i.key === 'overdueRate')?.direction).toBe('低者为优');
    const text = m.sections.flatMap((s) => s.paragraphs).join('\n');
    expect(text).toContain('少于 12 件的部门列为“样本不足”');
    expect(text).toContain('评价之后 5 个工作日内整改反馈');
    expect(text).toContain('连续 4 个工作日');
    expect(text).toContain('1、2、2、4');
    expect(text).toContain(`上一季度（${custom.previousQuarter}`);
    expect(m.rows.find((i) => i.key === 'rectificationRate')?.description).toContain('5 个工作日');
    // The same values worded in English, with no Chinese left.
    const en = methodologyText(method, 'en');
    const enText = [
      ...en.rows.flatMap((r) => Object.values(r)),
      ...en.sections.flatMap((s) => [s.title, ...s.paragraphs]),
    ].join('\n');
    expect(enText).not.toMatch(/[\u3000-\u303f\u4e00-\u9fff\uff01-\uff5e]/);
    expect(enText).toContain('fewer than 12 counted cases');
    expect(enText).toContain('within 5 working days');
    expect(enText).toContain('for 4 working days');
    expect(en.rows.find((i) => i.key === 'goodRate')?.direction).toBe('Higher');
  });

  it('states where the rules knowingly differ from the general rule table, and why', () => {
    const m = methodologyText(
      rankingMethodology(rankQuarter(ds, Q3, { asOfMs }), DEFAULT_SLOW_ACTION_THRESHOLDS),
      'zh-CN',
    );
    const section = m.sections.find((s) => s.title === '与通用规则表不同的口径及理由');
    const text = section?.paragraphs.join('\n') ?? '';
    expect(section?.paragraphs).toHaveLength(3);
    expect(text).toMatch(/提前办结率：即办件.*不计入分母/);
    expect(text).toMatch(/时限利用率：.*超过 1（超期）按 1 计/);
    expect(text).toMatch(/即办件在节假日受理.*有效时限按 1 个工作日计/);
    // 慢作为率 counts 临期突击, and says so in the rules section.
    const rules = m.sections.find((s) => s.title === '慢作为标记')?.paragraphs.join('\n') ?? '';
    expect(rules).toContain(
      '临期突击（部门级，按本季度办结件判定，触发时计为该部门 1 个慢作为标记，计入慢作为率',
    );
  });
});
