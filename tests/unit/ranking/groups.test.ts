/**
 * 分类排名: ranks within 市直部门 / 区县 / 乡镇街道 (and 未分类 for an unknown kind), hand-checked.
 * Scores (docs/ranking.md §3–4, no evaluations so the composite is over 75 weight):
 * 30 early cases → 92; 29 early + 1 late → 89.38; 28 early + 2 late → 86.75.
 */
import { describe, expect, it } from 'vitest';
import { groupCompetitionRanks, rankingGroupOf, RANKING_GROUPS } from '../../../src/domain/ranking';
import { rankQuarter } from '../../../src/engine/ranking';
import type { Department } from '../../../src/feeds/schemas/department';
import { batch, mkCase, mkDataset, Q3_2026 } from './helpers';

function dept(id: string, kind: Department['kind']): Department {
  return { id, name: `部门${id}`, kind, parentId: null, updatedAt: 0 };
}

/** `early` cases done Wed 05-13 and `late` ones done Wed 05-20 (accepted Mon 05-11, due Mon 05-18). */
function q2(d: string, early: number, late = 0) {
  const mk = (i: number, completed: string) =>
    mkCase({
      id: `${d}-q2-${i}`,
      dept: d,
      accepted: '2026-05-11T09:00',
      committed: 5,
      statutory: 10,
      completed,
    });
  return [
    ...Array.from({ length: early }, (_, i) => mk(i, '2026-05-13T10:00')),
    ...Array.from({ length: late }, (_, i) => mk(early + i, '2026-05-20T10:00')),
  ];
}

const LATE = '2026-07-15T10:00';
const cases = [
  // 市直部门: A 92; B and C 89.38 (tie); D 86.75; E 29 cases → 样本不足.
  ...batch('A', 30),
  ...batch('B', 29),
  ...batch('B', 1, LATE),
  ...batch('C', 29),
  ...batch('C', 1, LATE),
  ...batch('D', 28),
  ...batch('D', 2, LATE),
  ...batch('E', 29),
  // 区县: X1 92 (tied with A city-wide), X2 86.75.
  ...batch('X1', 30),
  ...batch('X2', 28),
  ...batch('X2', 2, LATE),
  // 乡镇街道: Z1 89.38; Z2 29 cases → 样本不足 (but the best composite of its group).
  ...batch('Z1', 29),
  ...batch('Z1', 1, LATE),
  ...batch('Z2', 29),
  // U: only known from its cases (no kind) → 未分类.
  ...batch('U', 30),
  // 2026Q2: D 92 (group rank 1), A 89.38 (2), X1 92 (1 in 区县); B, C, X2 … no data.
  ...q2('D', 30),
  ...q2('A', 29, 1),
  ...q2('X1', 30),
];
const ds = mkDataset(
  cases,
  [],
  [
    dept('A', '市直部门'),
    dept('B', '市直部门'),
    dept('C', '市直部门'),
    dept('D', '市直部门'),
    dept('E', '市直部门'),
    dept('X1', '区县'),
    dept('X2', '区县'),
    dept('Z1', '乡镇街道'),
    dept('Z2', '乡镇街道'),
  ],
);
const r = rankQuarter(ds, Q3_2026);
const row = (id: string) => {
  const d = r.departments.find((x) => x.departmentId === id);
  if (d === undefined) throw new Error(`no ${id}`);
  return d;
};

describe('分类排名 (ranking within department kinds)', () => {
  it('has the hand-checked composites', () => {
    expect(['A', 'X1', 'U'].map((id) => row(id).score)).toEqual([92, 92, 92]);
    expect(['B', 'C', 'Z1'].map((id) => row(id).score)).toEqual([89.38, 89.38, 89.38]);
    expect(['D', 'X2'].map((id) => row(id).score)).toEqual([86.75, 86.75]);
  });

  it('ranks within each group with shared ranks (1, 2, 2, 4); the city-wide rank stays', () => {
    const table = (ids: string[]) => ids.map((id) => [id, row(id).group, row(id).groupRank]);
    expect(table(['A', 'B', 'C', 'D', 'E'])).toEqual([
      ['A', '市直部门', 1],
      ['B', '市直部门', 2],
      ['C', '市直部门', 2],
      ['D', '市直部门', 4],
      ['E', '市直部门', null],
    ]);
    expect(table(['X1', 'X2', 'Z1', 'Z2', 'U'])).toEqual([
      ['X1', '区县', 1],
      ['X2', '区县', 2],
      ['Z1', '乡镇街道', 1],
      ['Z2', '乡镇街道', null],
      ['U', '未分类', 1],
    ]);
    // City-wide: A, U, X1 share 1; B, C, Z1 share 4; D, X2 share 7.
    expect(['A', 'U', 'X1', 'B', 'C', 'Z1', 'D', 'X2'].map((id) => row(id).rank)).toEqual([
      1, 1, 1, 4, 4, 4, 7, 7,
    ]);
  });

  it('样本不足 inside a group: scored, not ranked, takes no rank from the others', () => {
    expect(row('Z2').insufficientSample).toBe(true);
    expect(row('Z2').score).toBe(92); // better than Z1, yet Z1 is 1st of 乡镇街道
    expect(row('Z2').groupRank).toBeNull();
    expect(row('E').groupRank).toBeNull();
  });

  it('rank change within the group, against the previous quarter’s group rank', () => {
    const change = (id: string) => [
      row(id).previousGroupRank,
      row(id).groupRank,
      row(id).groupRankChange,
    ];
    expect(change('A')).toEqual([2, 1, 1]); // up one
    expect(change('D')).toEqual([1, 4, -3]); // down three
    expect(change('B')).toEqual([null, 2, null]); // no data in Q2
    // X1 was 1st of 区县 (and 1st city-wide, tied with D): its group is its kind both quarters.
    expect(change('X1')).toEqual([1, 1, 0]);
    expect(row('X1').previousRank).toBe(1);
  });

  it('lists the groups in order with their departments in group order', () => {
    expect(r.groups).toEqual([
      {
        group: '市直部门',
        departmentIds: ['A', 'B', 'C', 'D', 'E'],
        ranked: 4,
        insufficientSample: 1,
      },
      { group: '区县', departmentIds: ['X1', 'X2'], ranked: 2, insufficientSample: 0 },
      { group: '乡镇街道', departmentIds: ['Z1', 'Z2'], ranked: 1, insufficientSample: 1 },
      { group: '未分类', departmentIds: ['U'], ranked: 1, insufficientSample: 0 },
    ]);
  });

  it('maps kinds to groups; an unknown kind is 未分类', () => {
    expect(RANKING_GROUPS).toEqual(['市直部门', '区县', '乡镇街道', '未分类']);
    expect(rankingGroupOf('区县')).toBe('区县');
    expect(rankingGroupOf(null)).toBe('未分类');
    expect(rankingGroupOf(undefined)).toBe('未分类');
    expect(rankingGroupOf('开发区')).toBe('未分类');
  });

  it('groupCompetitionRanks does not depend on input order', () => {
    const entries = [
      { group: '区县' as const, score: 80, eligible: true },
      { group: '市直部门' as const, score: 90, eligible: true },
      { group: '区县' as const, score: 85, eligible: true },
      { group: '市直部门' as const, score: 90, eligible: true },
      { group: '市直部门' as const, score: 70, eligible: true },
      { group: '区县' as const, score: 99, eligible: false },
    ];
    expect(groupCompetitionRanks(entries)).toEqual([2, 1, 1, 1, 3, null]);
    expect(groupCompetitionRanks([...entries].reverse())).toEqual([null, 3, 1, 1, 1, 2]);
  });
});

describe('rate and score are distinct', () => {
  it('every indicator carries its rate (percent or per 100) and its score', () => {
    const d = row('D');
    // 2 late of 30: overdue rate 6.6667 % → score 93.33.
    expect(d.indicators.overdueRate).toMatchObject({
      value: 0.066667,
      rate: 6.6667,
      unit: 'percent',
      score: 93.33,
    });
    // utilisation (28 × 0.4 + 2 × 1) / 30 = 0.44 → 44 %, score 56.
    expect(d.indicators.limitUtilisation).toMatchObject({ rate: 44, unit: 'percent', score: 56 });
    expect(d.indicators.slowActionRate).toMatchObject({ rate: 0, unit: 'per100', score: 100 });
    expect(d.indicators.goodRate).toMatchObject({ rate: null, score: null, unit: 'percent' });
  });
});
