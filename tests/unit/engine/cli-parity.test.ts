/**
 * Issue 5, "Done when": the counts on the overview equal the evaluate CLI's counts over the same
 * generated dataset and as-of date. The dataset is written by the real demo-data script, the CLI
 * runs as a child process (as a user would run it), and the dashboard side parses the same files
 * with the feed schemas and computes the model and the overview's figures in-process.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dayFromIso } from '../../../src/domain/calendar';
import { periodRange } from '../../../src/domain/period/period';
import type { WarningLevel } from '../../../src/domain/time-limit';
import { computeDashboard, type DashboardModel } from '../../../src/engine/dashboard';
import { indexDataset } from '../../../src/engine/dataset';
import { overviewFigures } from '../../../src/engine/overview';
import { DEFAULT_ENGINE_SETTINGS } from '../../../src/engine/settings';
import { completionFigures, openCounts } from '../../../src/engine/summaries';
import { parseRecords } from '../../../src/feeds/result';
import { parseCase } from '../../../src/feeds/schemas/case';
import { parseCaseEvent } from '../../../src/feeds/schemas/case-event';
import { parseDepartment } from '../../../src/feeds/schemas/department';
import { parseEvaluation } from '../../../src/feeds/schemas/evaluation';
import { parseServiceItem } from '../../../src/feeds/schemas/service-item';
import { parseSupervisionTask } from '../../../src/feeds/schemas/supervision-task';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
const AS_OF_DATE = '2026-09-30';
// The dashboard's as-of instant for a fixed date (src/feeds/runtime-config.ts asOfInstant).
const AS_OF = `${AS_OF_DATE}T23:59:59+08:00`;
const LEVELS: WarningLevel[] = ['normal', 'early-warning', 'yellow', 'red'];

interface CliRow {
  id: string;
  departmentId: string;
  onTime: boolean | null;
  early: boolean | null;
  level: WarningLevel;
}
interface CliDepartment {
  departmentId: string;
  cases: number;
  completed: number;
  onTime: number;
  late: number;
  early: number;
  levels: Record<WarningLevel, number>;
}
interface CliOutput {
  asOf: string;
  results: CliRow[];
  departments: CliDepartment[];
  rejected: unknown[];
}

function run(args: string[]): string {
  const r = spawnSync(TSX, args, {
    cwd: ROOT,
    encoding: 'utf8',
    env: process.env,
    maxBuffer: 256 * 1024 * 1024,
  });
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return r.stdout;
}

function readJson(dir: string, name: string): unknown[] {
  const raw: unknown = JSON.parse(readFileSync(join(dir, `${name}.json`), 'utf8'));
  if (!Array.isArray(raw)) throw new Error(`${name}.json is not an array`);
  return raw;
}

/** Civil date in Asia/Shanghai of an ISO instant, by Intl (not the app's day arithmetic). */
const shanghaiDate = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

let dir = '';
let cli: CliOutput;
let model: DashboardModel;
let caseFile: { id: string; completedAt: string | null }[];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cli-parity-'));
  run([
    'scripts/demo-data.ts',
    '--out',
    dir,
    '--cases',
    '3000',
    '--seed',
    '1',
    '--as-of',
    AS_OF_DATE,
    '--format',
    'json',
  ]);
  cli = JSON.parse(
    run(['scripts/cli.ts', 'evaluate', '--input', join(dir, 'cases.json'), '--as-of', AS_OF]),
  ) as CliOutput;

  const cases = parseRecords('cases', readJson(dir, 'cases'), parseCase);
  expect(cases.rejected).toEqual([]);
  caseFile = readJson(dir, 'cases') as { id: string; completedAt: string | null }[];
  const dataset = indexDataset({
    departments: parseRecords('departments', readJson(dir, 'departments'), parseDepartment)
      .accepted,
    items: parseRecords('items', readJson(dir, 'items'), parseServiceItem).accepted,
    cases: cases.accepted,
    caseEvents: parseRecords('case-events', readJson(dir, 'case-events'), parseCaseEvent).accepted,
    evaluations: parseRecords('evaluations', readJson(dir, 'evaluations'), parseEvaluation)
      .accepted,
    tasks: parseRecords('tasks', readJson(dir, 'tasks'), parseSupervisionTask).accepted,
  });
  model = computeDashboard(dataset, DEFAULT_ENGINE_SETTINGS, Date.parse(AS_OF));
}, 120_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('overview counts equal the evaluate CLI (3000 cases, seed 1, as of 2026-09-30)', () => {
  it('evaluates the same cases at the same instant', () => {
    expect(cli.asOf).toBe('2026-09-30T23:59:59+08:00');
    expect(cli.rejected).toEqual([]);
    expect(cli.results).toHaveLength(3000);
    expect(model.rows).toHaveLength(3000);
    expect(model.asOfDay).toBe(dayFromIso(AS_OF_DATE));
  });

  it('open cases by warning level: city-wide and per department', () => {
    // In the CLI output a case is open when it has no on-time verdict (every case has a deadline).
    const cliOpen = (dept?: string) => {
      const levels: Record<WarningLevel, number> = {
        normal: 0,
        'early-warning': 0,
        yellow: 0,
        red: 0,
      };
      let open = 0;
      for (const r of cli.results) {
        if (r.onTime !== null || (dept !== undefined && r.departmentId !== dept)) continue;
        open += 1;
        levels[r.level] += 1;
      }
      return { open, levels };
    };
    const city = overviewFigures(model, periodRange({ kind: 'quarter', year: 2026, quarter: 3 }));
    expect(city.open).toEqual(cliOpen());
    // The figures are real, not an empty dataset agreeing with itself.
    expect(city.open.open).toBeGreaterThan(20);
    expect(city.open.levels.red).toBeGreaterThan(0);
    expect(city.open.levels.yellow).toBeGreaterThan(0);
    expect(city.open.levels['early-warning']).toBeGreaterThan(0);
    for (const d of cli.departments) {
      expect(openCounts(model.rows, d.departmentId), d.departmentId).toEqual(
        cliOpen(d.departmentId),
      );
      const line = city.departments.find((l) => l.departmentId === d.departmentId);
      expect(line?.open, d.departmentId).toEqual(cliOpen(d.departmentId));
    }
  });

  it('all cases by level, and completed / on time / late / early per department', () => {
    const allTime = { from: dayFromIso('2000-01-01'), to: model.asOfDay };
    let completed = 0;
    for (const d of cli.departments) {
      const rows = model.rows.filter((r) => r.departmentId === d.departmentId);
      expect(rows.length, d.departmentId).toBe(d.cases);
      for (const level of LEVELS)
        expect(rows.filter((r) => r.level === level).length, `${d.departmentId} ${level}`).toBe(
          d.levels[level],
        );
      const f = completionFigures(model.rows, allTime, d.departmentId);
      expect(
        { completed: f.completed, onTime: f.onTime, late: f.late, early: f.early },
        d.departmentId,
      ).toEqual({ completed: d.completed, onTime: d.onTime, late: d.late, early: d.early });
      completed += d.completed;
    }
    const city = completionFigures(model.rows, allTime);
    expect(city.completed).toBe(completed);
    expect(city.completed).toBeGreaterThan(1000);
  });

  it("the overview's period figures (2026Q3) equal the CLI's verdicts of the cases completed in it", () => {
    const completedOn = new Map(caseFile.map((c) => [c.id, c.completedAt]));
    let completed = 0;
    let onTime = 0;
    let late = 0;
    let early = 0;
    for (const r of cli.results) {
      const at = completedOn.get(r.id);
      if (r.onTime === null || !at) continue;
      const date = shanghaiDate.format(new Date(at));
      if (date < '2026-07-01' || date > '2026-09-30') continue;
      completed += 1;
      if (r.onTime) onTime += 1;
      else late += 1;
      if (r.early) early += 1;
    }
    const q3 = overviewFigures(model, periodRange({ kind: 'quarter', year: 2026, quarter: 3 }));
    expect(q3.period).toMatchObject({ completed, withDeadline: completed, onTime, late, early });
    expect(q3.period.onTimeRate).toBeCloseTo(onTime / completed, 12);
    expect(completed).toBeGreaterThan(100);
    // City figures are pooled: the sum of the departments' lines.
    const sum = (f: (l: (typeof q3.departments)[number]) => number) =>
      q3.departments.reduce((s, l) => s + f(l), 0);
    expect(sum((l) => l.period.completed)).toBe(completed);
    expect(sum((l) => l.period.onTime)).toBe(onTime);
    expect(sum((l) => l.open.levels.red)).toBe(q3.open.levels.red);
  });
});
