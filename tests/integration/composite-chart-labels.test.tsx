/**
 * The city-average line of the composite chart must not cross the bar labels (issue 16 item 7):
 * with a bar just short of the average, a label drawn at the bar's end ran across the line.
 */
import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { RankingCompositeChart } from '../../src/charts/ranking-composite-chart';

/** A generous width per character of "86.10" at 11 px. */
const LABEL_WIDTH = 5 * 7;

describe('composite chart labels', () => {
  it('keeps every score label clear of the city-average line', async () => {
    const bars = [
      { departmentId: 'A', name: '甲局', rank: 1, score: 91.76 },
      { departmentId: 'B', name: '乙局', rank: 2, score: 88.1 },
      { departmentId: 'C', name: '丙局', rank: 3, score: 86.1 },
      { departmentId: 'D', name: '丁局', rank: 4, score: 80.5 },
    ];
    const { container, findAllByText } = render(
      <RankingCompositeChart
        bars={bars}
        cityScore={86.85}
        cityLabel="全市"
        scoreLabel="综合分"
        width={700}
      />,
    );
    await findAllByText('86.10');
    const line = container.querySelector('.recharts-reference-line line');
    expect(line).not.toBeNull();
    const lineX = Number(line!.getAttribute('x1'));
    const labels = [...container.querySelectorAll('.recharts-label-list text')];
    expect(labels).toHaveLength(bars.length);
    for (const t of labels) {
      const x = Number(t.getAttribute('x'));
      const crosses = x <= lineX && lineX <= x + LABEL_WIDTH;
      expect(crosses, `label ${t.textContent} at ${x} crosses the line at ${lineX}`).toBe(false);
    }
  });
});
