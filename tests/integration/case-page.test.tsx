import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { isoFromDay, officialCalendar } from '../../src/domain/calendar';
import { evaluateCase, type CaseEvaluation } from '../../src/domain/time-limit';
import { parseCase, type CaseRecord } from '../../src/feeds/schemas/case';
import { testDataset } from '../setup/feed-fixture';
import { renderApp } from '../setup/render-app';

const AS_OF = Date.parse('2026-09-30T23:59:59+08:00');
const LEVEL_NAMES = {
  normal: '正常',
  'early-warning': '预警',
  yellow: '黄牌',
  red: '红牌',
} as const;

/** Every case of the test dataset, evaluated independently of the engine and the page. */
const evaluated: { c: CaseRecord; ev: CaseEvaluation }[] = testDataset.cases.flatMap((w) => {
  const r = parseCase(w);
  return r.ok ? [{ c: r.value, ev: evaluateCase(r.value, AS_OF, officialCalendar()) }] : [];
});

function stepsOf(id: string) {
  return testDataset.caseEvents.filter((e) => e.caseId === id);
}

describe('case page', { timeout: 60_000 }, () => {
  it('shows the deadlines, level and figures of an open overdue case, as evaluateCase computes them', async () => {
    const pick = evaluated.find((e) => !e.ev.completed && e.ev.level === 'red');
    if (!pick) throw new Error('test dataset has no open red case');
    const { c, ev } = pick;
    renderApp(`/cases/${c.id}`);
    const why = await screen.findByTestId('case-why', {}, { timeout: 10_000 });
    expect(within(why).getByTestId('case-level')).toHaveTextContent(LEVEL_NAMES[ev.level]);
    expect(within(why).getByTestId('case-committed-due')).toHaveTextContent(
      `${isoFromDay(ev.committedDue)} 24:00`,
    );
    expect(within(why).getByTestId('case-statutory-due')).toHaveTextContent(
      `${isoFromDay(ev.statutoryDue)} 24:00`,
    );
    expect(within(why).getByTestId('case-elapsed')).toHaveTextContent(`${ev.elapsedDays} 个工作日`);
    expect(within(why).getByTestId('case-remaining')).toHaveTextContent(
      `已超期 ${-ev.remainingDays} 个工作日`,
    );
    expect(within(why).getByTestId('case-suspended')).toHaveTextContent(
      `${ev.suspendedDays} 个工作日`,
    );
    // the timeline marks both deadlines, and its table lists every step of the case
    const svg = await screen.findByTestId('case-timeline-svg');
    expect(svg).toHaveTextContent(`承诺期限 第`);
    expect(svg).toHaveTextContent(`法定期限 第`);
    expect(svg).toHaveTextContent(`统计时点 第`);
    const table = screen.getByTestId('case-timeline-table');
    const steps = stepsOf(c.id);
    expect(steps.length).toBeGreaterThan(0);
    const bodyRows = within(table).getAllByRole('row').slice(1);
    expect(bodyRows).toHaveLength(steps.length + c.suspensions.length);
    for (const s of steps) expect(table).toHaveTextContent(s.handler);
  });

  it('shows the suspensions of a case in the timeline table', async () => {
    const pick = evaluated.find((e) => e.c.suspensions.length > 0);
    if (!pick) throw new Error('test dataset lacks a suspended case');
    const { c, ev } = pick;
    renderApp(`/cases/${c.id}`);
    const table = await screen.findByTestId('case-timeline-table', {}, { timeout: 10_000 });
    expect(within(table).getAllByText('暂停计时').length).toBe(c.suspensions.length);
    for (const s of c.suspensions) expect(table).toHaveTextContent(s.kind);
    expect(screen.getByTestId('case-suspended')).toHaveTextContent(`${ev.suspendedDays} 个工作日`);
  });

  it('shows the 差评 of a case with its Chinese level and rectification time', async () => {
    const bad = testDataset.evaluations.find((e) => e.level <= 2 && e.rectifiedAt !== null);
    if (!bad) throw new Error('test dataset lacks a rectified 差评');
    renderApp(`/cases/${bad.caseId}`);
    const evals = await screen.findByTestId('case-evaluations', {}, { timeout: 10_000 });
    expect(evals).toHaveTextContent(bad.level === 1 ? '非常不满意' : '不满意');
    expect(evals).toHaveTextContent(/用时 \d+ 个工作日/);
  });

  it('says clearly when the case does not exist', async () => {
    renderApp('/cases/NO-SUCH-CASE');
    const panel = await screen.findByTestId('case-not-found', {}, { timeout: 10_000 });
    expect(panel).toHaveTextContent('未找到办件');
    expect(panel).toHaveTextContent('NO-SUCH-CASE');
    await waitFor(() => expect(screen.queryByTestId('case-why')).toBeNull());
  });
});
