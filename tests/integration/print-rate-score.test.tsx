/**
 * The printed bulletin shows each indicator's rate and its score apart (issue 16 item 7: "超期件率
 * 100.00" read as a rate meant 0 % overdue): the header says 比率 / 得分, a cell carries both.
 */
import { render, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { bulletinGroups, bulletinRanking } from '../../src/engine/bulletin';
import { rankQuarter } from '../../src/engine/ranking';
import { PrintGroupTable } from '../../src/export/print-ranking-tables';
import { Q3, TEST_AS_OF_MS, testIndexed } from './rankings-helpers';

describe('printed ranking table', () => {
  it('labels rates and scores distinctly', () => {
    const r = rankQuarter(testIndexed(), Q3, {
      asOfMs: TEST_AS_OF_MS,
      settings: {
        weights: {
          onTimeRate: 30,
          earlyRate: 10,
          limitUtilisation: 15,
          overdueRate: 10,
          goodRate: 20,
          rectificationRate: 5,
          slowActionRate: 10,
        },
        minCountedCases: 3,
        rectificationWindowDays: 15,
      },
    });
    const b = bulletinRanking(r);
    const group = bulletinGroups(b).find((g) => g.ranked.length > 0);
    expect(group).toBeDefined();
    const { getByTestId } = render(<PrintGroupTable ranking={b} group={group!} />);
    const table = getByTestId(`print-group-table-${group!.group}`);
    const head = table.querySelectorAll('th');
    const overdueHead = [...head].find((th) => th.textContent?.startsWith('超期件率'));
    expect(overdueHead?.textContent).toContain('比率 / 得分');
    const d = group!.ranked[0]!;
    const v = d.indicators.overdueRate;
    const row = within(table)
      .getByText(d.departmentName ?? d.departmentId)
      .closest('tr');
    expect(row?.textContent).toContain(`${((v.value ?? 0) * 100).toFixed(2)}%`);
    expect(row?.textContent).toContain((v.score ?? 0).toFixed(2));
  });
});
