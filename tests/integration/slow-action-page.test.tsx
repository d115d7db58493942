import { screen, waitFor, within } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import { officialCalendar } from '../../src/domain/calendar';
import { periodRange, parsePeriod } from '../../src/domain/period/period';
import {
  flagCase,
  flagDeadlineRushByDepartment,
  SLOW_ACTION_CODES,
  type CaseStepInput,
  type EvaluatedCase,
  type SlowActionCode,
  type SlowActionFlag,
} from '../../src/domain/slow-action';
import { evaluateCase } from '../../src/domain/time-limit';
import { parseCase, type CaseRecord } from '../../src/feeds/schemas/case';
import { parseCaseEvent, type CaseEvent } from '../../src/feeds/schemas/case-event';
import { testDataset } from '../setup/feed-fixture';
import { renderApp } from '../setup/render-app';

/**
 * The expected flags, computed here without the engine or the page: every parsed case of the
 * test dataset through evaluateCase + flagCase as of 2026-09-30 23:59:59 (+08:00), and 临期突击
 * for 2026Q3 over the evaluated cases.
 */
interface Expected {
  flags: SlowActionFlag[];
  openIds: Set<string>;
}
let expected: Expected;

beforeAll(() => {
  const asOfMs = Date.parse('2026-09-30T23:59:59+08:00');
  const cal = officialCalendar();
  const cases: CaseRecord[] = [];
  for (const raw of testDataset.cases) {
    const r = parseCase(raw);
    if (r.ok) cases.push(r.value);
  }
  const steps = new Map<string, CaseStepInput[]>();
  for (const raw of testDataset.caseEvents) {
    const r = parseCaseEvent(raw);
    if (!r.ok) continue;
    const e: CaseEvent = r.value;
    const list = steps.get(e.caseId) ?? [];
    list.push({ step: e.step, enteredAt: e.enteredAt, leftAt: e.leftAt });
    steps.set(e.caseId, list);
  }
  const flags: SlowActionFlag[] = [];
  const evaluated: EvaluatedCase[] = [];
  const openIds = new Set<string>();
  for (const c of cases) {
    const ev = evaluateCase(c, asOfMs, cal);
    evaluated.push({ c, ev });
    if (!ev.completed) openIds.add(c.id);
    const list = [...(steps.get(c.id) ?? [])].sort((a, b) => a.enteredAt - b.enteredAt);
    flags.push(...flagCase(c, ev, list, asOfMs, cal));
  }
  flags.push(...flagDeadlineRushByDepartment(evaluated, periodRange(parsePeriod('2026Q3')!)));
  expected = { flags, openIds };
});

function countOf(flags: readonly SlowActionFlag[], code: SlowActionCode): number {
  return flags.filter((f) => f.code === code).length;
}

async function ruleCounts(): Promise<Record<string, number>> {
  const rules = await screen.findByTestId('slow-action-rules', undefined, { timeout: 15000 });
  const out: Record<string, number> = {};
  for (const code of SLOW_ACTION_CODES) {
    out[code] = Number(
      within(rules).getByTestId(`rule-count-${code}`).textContent?.replace(/,/g, ''),
    );
  }
  return out;
}

function tableRowCount(): number {
  const table = screen.getByTestId('slow-action-table');
  return table.querySelectorAll('tbody tr.ant-table-row').length;
}

describe('慢作为 page', () => {
  it(
    'counts every rule as the flags computed independently, and lists them all',
    { timeout: 30000 },
    async () => {
      renderApp('/slow-action');
      const counts = await ruleCounts();
      for (const code of SLOW_ACTION_CODES) {
        expect(counts[code], code).toBe(countOf(expected.flags, code));
      }
      // The fixture must exercise the page: several rules fire.
      expect(expected.flags.length).toBeGreaterThan(5);
      expect(screen.getByTestId('slow-action-table')).toHaveTextContent(
        `共 ${expected.flags.length} 条`,
      );
      expect(tableRowCount()).toBe(Math.min(20, expected.flags.length));
      // The rules are stated with the thresholds in force.
      expect(screen.getByTestId('slow-action-rules')).toHaveTextContent(
        '超过承诺期限 5 个工作日以上',
      );
    },
  );

  it('filters by rule and case state from the URL', { timeout: 30000 }, async () => {
    const code: SlowActionCode = 'overlong-suspension';
    const want = expected.flags.filter(
      (f) => f.code === code && f.caseId !== null && expected.openIds.has(f.caseId),
    );
    renderApp(`/slow-action?rule=${code}&state=open`);
    await ruleCounts();
    const table = screen.getByTestId('slow-action-table');
    expect(table).toHaveTextContent(`共 ${want.length} 条`);
    const shownIds = [...table.querySelectorAll('tbody tr.ant-table-row')].map(
      (tr) => tr.querySelector('a')?.textContent,
    );
    expect(new Set(shownIds)).toEqual(new Set(want.map((f) => f.caseId)));
    // Other rules' counts follow the state filter too (each count = what clicking it shows).
    const openStall = expected.flags.filter(
      (f) => f.code === 'stall' && f.caseId !== null && expected.openIds.has(f.caseId),
    ).length;
    expect((await ruleCounts()).stall).toBe(openStall);
  });

  it(
    'filters by department from the URL, and a rule count click writes the rule into the URL',
    { timeout: 30000 },
    async () => {
      const dept = expected.flags[0]!.departmentId;
      const want = expected.flags.filter((f) => f.departmentId === dept);
      const { user, router } = renderApp(`/slow-action?dept=${dept}`);
      await ruleCounts();
      expect(screen.getByTestId('slow-action-table')).toHaveTextContent(`共 ${want.length} 条`);
      const code = want[0]!.code;
      await user.click(screen.getByTestId(`rule-count-${code}`));
      await waitFor(() => expect(router.state.location.search).toContain(`rule=${code}`));
      expect(router.state.location.search).toContain(`dept=${dept}`);
      expect(screen.getByTestId('slow-action-table')).toHaveTextContent(
        `共 ${countOf(want, code)} 条`,
      );
    },
  );

  it(
    'limits to flags first raised in the period when asked, and says so',
    { timeout: 30000 },
    async () => {
      const range = periodRange(parsePeriod('2026Q2')!);
      const want = expected.flags.filter(
        (f) => f.caseId !== null && f.sinceDay >= range.from && f.sinceDay <= range.to,
      );
      renderApp('/slow-action?period=2026Q2&scope=period');
      await ruleCounts();
      expect(screen.getByTestId('slow-action-scope-note')).toHaveTextContent('2026年第2季度');
      expect(screen.getByTestId('slow-action-table')).toHaveTextContent(`共 ${want.length} 条`);
    },
  );

  it(
    'says why the table is empty, and flags an unknown rule code in the link',
    { timeout: 30000 },
    async () => {
      renderApp('/slow-action?dept=NO-SUCH&rule=bogus');
      await ruleCounts();
      expect(screen.getByText('链接中的规则代码“bogus”无法识别，已忽略。')).toBeInTheDocument();
      expect(
        within(screen.getByTestId('slow-action-table')).getByText('当前筛选条件下没有慢作为标记。'),
      ).toBeInTheDocument();
    },
  );
});
