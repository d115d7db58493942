/**
 * 督查事项 page against the test city (as of 2026-09-30). Expected statuses come from an
 * independent model of the rules (tests/integration/tasks-reference.ts), never from src/.
 */
import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createServiceMock } from '../../mocks/service/handlers';
import type { SupervisionTaskWire } from '../../src/feeds/schemas/supervision-task';
import { server, testDataset } from '../setup/feed-fixture';
import { renderApp } from '../setup/render-app';
import { refEvaluate, type RefStatus, type RefTask } from './tasks-reference';

const AS_OF = '2026-09-30';

/** Hand-made tasks added to the demo's, so every status occurs (the demo has no 临期 that day). */
const EXTRA: SupervisionTaskWire[] = [
  {
    id: 'DC2026T001',
    source: '领导批示',
    title: '测试：期限 10 月 3 日的批示件',
    leadDepartmentId: testDataset.departments[0]!.id,
    coDepartmentIds: [],
    assignedAt: '2026-09-01T09:00:00+08:00',
    deadline: '2026-10-03',
    milestones: [{ name: '研究部署', due: '2026-09-10', doneAt: '2026-09-09T10:00:00+08:00' }],
    status: '在办',
    progressNote: '正在推进。',
    updatedAt: '2026-09-09T10:00:00+08:00',
  },
  {
    id: 'DC2026T002',
    source: '政协提案',
    title: '测试：节点 9 月 30 日到期的提案',
    leadDepartmentId: testDataset.departments[1]!.id,
    coDepartmentIds: [],
    assignedAt: '2026-08-31T09:00:00+08:00',
    deadline: null,
    milestones: [{ name: '走访委员', due: '2026-09-30', doneAt: null }],
    status: '在办',
    progressNote: '拟走访委员。',
    updatedAt: '2026-08-31T09:00:00+08:00',
  },
];
const TASKS = [...testDataset.tasks, ...EXTRA];
const ref: RefTask[] = TASKS.map((t) => refEvaluate(t, AS_OF));
const LABEL: Record<RefStatus, string> = {
  overdue: '逾期',
  lagging: '滞后',
  'due-soon': '临期',
  normal: '正常',
  done: '已办结',
};
const deptName = new Map(testDataset.departments.map((d) => [d.id, d.name]));
const ids = (list: readonly RefTask[]) => list.map((r) => r.id).sort();

async function page() {
  return screen.findByTestId('tasks-page', {}, { timeout: 15_000 });
}

function tableIds(): string[] {
  const table = screen.getByTestId('task-table');
  return within(table)
    .getAllByRole('row')
    .map((row) => row.querySelector('td:nth-child(2)')?.textContent ?? '')
    .filter((id) => id.startsWith('DC'))
    .sort();
}

function captureDownloads(): Blob[] {
  const blobs: Blob[] = [];
  vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
    blobs.push(b as Blob);
    return 'blob:test';
  });
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
  return blobs;
}

const tasksService = createServiceMock({ demo: { ...testDataset, tasks: TASKS } });

beforeEach(() => {
  server.use(...tasksService.handlers);
});
afterEach(() => vi.restoreAllMocks());

describe('督查事项 page', { timeout: 60_000 }, () => {
  it('the test city has every status and every source', () => {
    for (const s of Object.keys(LABEL) as RefStatus[]) {
      expect(
        ref.some((r) => r.status === s),
        s,
      ).toBe(true);
    }
    expect(new Set(ref.map((r) => r.source)).size).toBe(6);
  });

  it('counts each status as the independent model does (all tasks)', async () => {
    renderApp('/tasks?scope=all');
    await page();
    for (const s of Object.keys(LABEL) as RefStatus[]) {
      const card = screen.getByTestId(`status-card-${s}`);
      const n = ref.filter((r) => r.status === s).length;
      expect(card, s).toHaveTextContent(`${LABEL[s]}${n.toLocaleString('zh-CN')}`);
    }
    expect(screen.getByTestId('task-count')).toHaveTextContent(`共 ${ref.length} 项`);
  });

  it('groups by source: every source row counts its statuses', async () => {
    renderApp('/tasks?scope=all');
    await page();
    const matrix = screen.getByTestId('source-matrix');
    for (const source of new Set(ref.map((r) => r.source))) {
      const row = within(matrix).getByText(source).closest('tr')!;
      const cells = [...row.querySelectorAll('td')].map((td) => td.textContent);
      const of = ref.filter((r) => r.source === source);
      const want = (['overdue', 'lagging', 'due-soon', 'normal', 'done'] as const).map((s) =>
        String(of.filter((r) => r.status === s).length),
      );
      expect(cells).toEqual([source, ...want, String(of.length)]);
    }
  });

  it('reminders are exactly the 逾期 / 滞后 / 临期 rows of the task list', async () => {
    const { user } = renderApp('/tasks?scope=all');
    await page();
    const panel = screen.getByTestId('reminders-panel');
    const groups: Array<[RefStatus, RegExp]> = [
      ['overdue', /^逾期 \d+$/],
      ['lagging', /^滞后 \d+$/],
      ['due-soon', /^临期 \d+$/],
    ];
    for (const [status, tabName] of groups) {
      const want = ids(ref.filter((r) => r.status === status));
      await user.click(within(panel).getByRole('tab', { name: tabName }));
      const tabpanel = within(panel).getByRole('tabpanel');
      const shown = within(tabpanel)
        .queryAllByTestId('reminder')
        .map((el) => el.getAttribute('data-task-id') ?? '')
        .sort();
      expect(shown, status).toEqual(want);
      // The task list filtered to the same status shows the same tasks.
      await user.click(screen.getByTestId(`status-card-${status}`));
      await waitFor(() =>
        expect(screen.getByTestId('task-count')).toHaveTextContent(`共 ${want.length} 项`),
      );
      if (want.length <= 20) expect(tableIds()).toEqual(want);
      await user.click(screen.getByTestId(`status-card-${status}`)); // toggle off
    }
  });

  it('counts overdue tasks and milestones per lead department like an independent count', async () => {
    renderApp('/tasks?scope=all');
    await page();
    const table = screen.getByTestId('department-task-table');
    const open = ref.filter((r) => r.status !== 'done');
    const leads = [...new Set(open.map((r) => r.lead))];
    const rows = within(table)
      .getAllByRole('row')
      .filter((r) => r.querySelector('td'));
    expect(rows).toHaveLength(leads.length);
    for (const lead of leads) {
      const mine = open.filter((r) => r.lead === lead);
      const want = [
        deptName.get(lead),
        mine.length,
        mine.filter((r) => r.status === 'overdue').length,
        mine.filter((r) => r.status === 'lagging').length,
        mine.filter((r) => r.status === 'due-soon').length,
        mine.reduce((n, r) => n + r.overdueMilestones, 0),
      ].map(String);
      const row = rows.find((r) => r.querySelector('td')?.textContent === deptName.get(lead));
      expect(row, lead).toBeDefined();
      expect([...row!.querySelectorAll('td')].map((td) => td.textContent)).toEqual(want);
    }
  });

  it('the default view is the quarter’s ledger: assigned by its end, not done before its start', async () => {
    renderApp('/tasks');
    await page();
    const from = Date.UTC(2026, 6, 1) / 86_400_000;
    const to = Date.UTC(2026, 8, 30) / 86_400_000;
    const want = ref.filter(
      (r) => r.assigned <= to && (r.completed === null || r.completed >= from),
    );
    expect(want.length).toBeLessThan(ref.length);
    expect(screen.getByTestId('task-count')).toHaveTextContent(`共 ${want.length} 项`);
  });

  it('filters by source and lead department from the URL, and exports exactly those rows', async () => {
    const blobs = captureDownloads();
    const lead = ref.find((r) => r.source === '人大代表建议')!.lead;
    const want = ref.filter((r) => r.source === '人大代表建议' && r.lead === lead);
    const { user } = renderApp(`/tasks?scope=all&source=人大代表建议&dept=${lead}`);
    await page();
    expect(screen.getByTestId('task-count')).toHaveTextContent(`共 ${want.length} 项`);
    expect(tableIds()).toEqual(ids(want));
    const list = screen.getByTestId('task-table').closest('.ant-card') as HTMLElement;
    await user.click(within(list).getByTestId('export-menu'));
    await user.click(await screen.findByText('导出 CSV'));
    await waitFor(() => expect(blobs).toHaveLength(1));
    const text = new TextDecoder().decode(new Uint8Array(await blobs[0]!.arrayBuffer()).slice(3));
    const lines = text.split('\r\n').filter((l) => l !== '');
    expect(lines[0]!.split(',').slice(0, 4)).toEqual(['编号', '来源', '事项', '牵头部门']);
    const exported = lines.slice(1).map((l) => l.split(','));
    expect(exported.map((c) => c[0]).sort()).toEqual(ids(want));
    for (const cells of exported) {
      const r = want.find((w) => w.id === cells[0])!;
      expect(cells).toContain(LABEL[r.status]);
    }
  });

  it('opens a reminder’s task in the list with its milestone timeline and latest note', async () => {
    const { user, router } = renderApp('/tasks?scope=all');
    await page();
    const first = within(screen.getByTestId('reminders-panel')).getAllByTestId('reminder')[0]!;
    const id = first.getAttribute('data-task-id')!;
    await user.click(within(first).getByRole('button'));
    await waitFor(() =>
      expect(new URLSearchParams(router.state.location.search).get('q')).toBe(id),
    );
    const wire = TASKS.find((t) => t.id === id)!;
    const table = screen.getByTestId('task-table');
    await waitFor(() =>
      expect(within(table).getAllByTestId('milestone')).toHaveLength(wire.milestones.length),
    );
    expect(table).toHaveTextContent(wire.progressNote);
  });

  it('marks a reminder as chased (已督办) and counts it', async () => {
    const { user } = renderApp('/tasks?scope=all');
    await page();
    const panel = screen.getByTestId('reminders-panel');
    const total = ref.filter((r) => ['overdue', 'lagging', 'due-soon'].includes(r.status)).length;
    const before = within(panel).getByTestId('reminders-handled').textContent ?? '';
    const done0 = Number(before.match(/已督办 (\d+)/)?.[1]);
    expect(before).toContain(`/ ${total}`);
    await user.click(within(panel).getAllByRole('checkbox')[0]!);
    expect(within(panel).getByTestId('reminders-handled')).toHaveTextContent(
      `已督办 ${done0 + 1} / ${total}`,
    );
    await user.click(within(panel).getAllByRole('checkbox')[0]!);
  });
});
