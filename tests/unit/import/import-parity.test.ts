import 'fake-indexeddb/auto';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseInstant } from '../../../src/domain/time-limit/instant';
import { computeDashboard } from '../../../src/engine/dashboard';
import { indexDataset } from '../../../src/engine/dataset';
import { DEFAULT_ENGINE_SETTINGS } from '../../../src/engine/settings';
import { handleImportRequest } from '../../../src/feeds/import/handle-request';
import type { ImportResponse } from '../../../src/feeds/import/import-protocol';
import {
  mappingToJson,
  parseImportMapping,
  type ImportMapping,
} from '../../../src/feeds/import/import-mapping';
import { runImport } from '../../../src/feeds/import/run-import';
import { deleteSource, listSources, loadSourceData } from '../../../src/feeds/import/store';
import { parseColumnMapping } from '../../../src/feeds/mapping';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const FIX = join(ROOT, 'tests', 'fixtures', 'import');
const AS_OF = '2026-09-30T00:00:00+08:00';

function cliDepartments(input: string, mapping: string) {
  const r = spawnSync(
    join(ROOT, 'node_modules', '.bin', 'tsx'),
    ['scripts/cli.ts', 'evaluate', '--input', input, '--mapping', mapping, '--as-of', AS_OF],
    { cwd: ROOT, encoding: 'utf8' },
  );
  expect(r.status, r.stderr).toBe(0);
  const out = JSON.parse(r.stdout) as {
    departments: {
      departmentId: string;
      onTime: number;
      late: number;
      completed: number;
      openOverdue: number;
    }[];
    rejected: unknown[];
    results: unknown[];
  };
  return out;
}

function loadMapping(file: string): ImportMapping {
  const m = parseImportMapping(JSON.parse(readFileSync(join(FIX, file), 'utf8')));
  if (!m.ok) throw new Error(m.reason);
  return m.value;
}

/** What the dashboard shows per department: the engine's rows counted by department. */
async function browserDepartments(file: string, mapping: ImportMapping) {
  const bytes = new Uint8Array(readFileSync(join(FIX, file)));
  const outcome = await runImport(bytes, {
    fileName: file,
    format: 'csv',
    encoding: file.startsWith('gbk') ? 'gb18030' : 'utf-8',
    mapping,
    importedAtMs: Date.now(),
  });
  const model = computeDashboard(
    indexDataset({
      departments: outcome.departments ?? [],
      items: [],
      cases: outcome.cases ?? [],
      caseEvents: [],
      evaluations: [],
      tasks: [],
    }),
    DEFAULT_ENGINE_SETTINGS,
    parseInstant(AS_OF) as number,
  );
  const byDept = new Map<
    string,
    { onTime: number; late: number; completed: number; openOverdue: number }
  >();
  for (const r of model.rows) {
    const d = byDept.get(r.departmentId) ?? { onTime: 0, late: 0, completed: 0, openOverdue: 0 };
    if (r.completed) {
      d.completed++;
      if (r.onTime === true) d.onTime++;
      if (r.late === true) d.late++;
    } else if (r.overdue) d.openOverdue++;
    byDept.set(r.departmentId, d);
  }
  return { outcome, byDept, model };
}

describe('browser import counts exactly as the evaluate CLI', () => {
  it.each([
    ['city311.csv', 'city311.mapping.json'],
    ['gbk-cases.csv', 'gbk-cases.mapping.json'],
  ])('%s: same accepted/rejected and per-department on-time/late', async (file, mappingFile) => {
    const cli = cliDepartments(join(FIX, file), join(FIX, mappingFile));
    const { outcome, byDept, model } = await browserDepartments(file, loadMapping(mappingFile));
    expect(outcome.accepted).toBe(cli.results.length);
    expect(outcome.rejected.length).toBe(cli.rejected.length);
    expect(outcome.accepted + outcome.rejected.length).toBe(outcome.total);
    expect(cli.departments.length).toBeGreaterThan(2);
    for (const d of cli.departments) {
      expect(byDept.get(d.departmentId), d.departmentId).toEqual({
        onTime: d.onTime,
        late: d.late,
        completed: d.completed,
        openOverdue: d.openOverdue,
      });
    }
    // The department list is derived from the cases, named by the mapped name column.
    expect(model.departments.map((x) => x.id).sort()).toEqual(
      cli.departments.map((x) => x.departmentId).sort(),
    );
  });

  it('a 311 export with explicit due timestamps and +00 offsets needs no limits', async () => {
    const { outcome } = await browserDepartments(
      'city311.csv',
      loadMapping('city311.mapping.json'),
    );
    const first = outcome.cases?.[0];
    expect(first?.dueAt).toBe(Date.UTC(2026, 7, 3));
    expect(first?.committedLimitDays).toBeNull();
    expect(outcome.departments?.find((d) => d.id === 'DOT')?.name).toBe(
      'Department of Transportation',
    );
    // Each rejection carries the file line and the cells for the download.
    const dup = outcome.rejected.find((r) => r.reason.includes('重复'));
    expect(dup?.position).toBe(64);
    // The first record with that key is data record 6, on line 7 (line 1 is the header): the
    // reason counts records from 1, like the CLI, and names the line the table shows.
    expect(dup?.reason).toBe(
      '办件编号重复，与第 6 条记录（文件第 7 行）相同 (duplicate id, same as record 6, line 7)',
    );
    expect(dup?.cells['Unique Key']).toBe('70000006');
  });
});

describe('mapping presets are the CLI mapping format', () => {
  it('a preset saved in the browser is accepted by the CLI parser as is, and back', () => {
    const m: ImportMapping = {
      kind: 'cases',
      columns: {
        id: '申办流水号',
        departmentId: '承办单位',
        acceptedAt: '受理时间',
        dueAt: '办理期限',
      },
      timezone: '+08:00',
      timestampFormat: 'ymd-slash',
    };
    const json = JSON.parse(JSON.stringify(mappingToJson(m))) as unknown;
    expect(json).toEqual({
      columns: m.columns,
      timezone: '+08:00',
      timestampFormat: 'ymd-slash',
    });
    const cli = parseColumnMapping(json);
    expect(cli).toEqual({
      ok: true,
      value: { columns: m.columns, timezone: '+08:00', timestampFormat: 'ymd-slash' },
    });
    expect(parseImportMapping(json)).toEqual({ ok: true, value: m });
  });

  it('the CLI test mapping loads in the browser', () => {
    const raw = JSON.parse(
      readFileSync(join(ROOT, 'tests', 'fixtures', 'other-city.mapping.json'), 'utf8'),
    ) as unknown;
    const m = parseImportMapping(raw);
    expect(m.ok && m.value.kind).toBe('cases');
    expect(m.ok && m.value.columns['acceptedAt']).toBe('Received At');
  });

  it('rejects malformed extensions, in both parsers', () => {
    for (const bad of [
      { columns: {}, timezone: 'Asia/Shanghai' },
      { columns: {}, timestampFormat: 'dd.mm.yy' },
    ]) {
      expect(parseColumnMapping(bad).ok).toBe(false);
      expect(parseImportMapping(bad).ok).toBe(false);
    }
    // Other kinds are import mappings, not CLI case mappings.
    const events = { kind: 'case-events', columns: { caseId: '办件编号' } };
    expect(parseImportMapping(events).ok).toBe(true);
    expect(parseColumnMapping(events).ok).toBe(false);
    expect(parseImportMapping({ kind: 'case-events', columns: { dueAt: 'x' } }).ok).toBe(false);
  });
});

describe('the import request, inline (as in jsdom) with IndexedDB', () => {
  it('stores the accepted cases and reports counts that add up; events attach to it', async () => {
    const bytes = new Uint8Array(readFileSync(join(FIX, 'city311.csv')));
    const messages: ImportResponse[] = [];
    await handleImportRequest(
      {
        type: 'import',
        bytes,
        options: {
          fileName: 'city311.csv',
          format: 'csv',
          encoding: 'utf-8',
          mapping: loadMapping('city311.mapping.json'),
          importedAtMs: Date.parse('2026-10-01T09:00:00+08:00'),
        },
      },
      (m) => messages.push(m),
    );
    const last = messages.at(-1);
    if (last?.type !== 'imported') throw new Error(JSON.stringify(last));
    expect(last.report.accepted + last.report.rejected.length).toBe(64);
    expect(messages.some((m) => m.type === 'progress')).toBe(true);
    const id = last.report.source.id;
    expect((await listSources()).map((s) => s.id)).toContain(id);
    expect((await loadSourceData(id))?.cases.length).toBe(60);

    const events =
      'id,办件编号,环节,部门,经办人,开始时间,结束时间\nE1,70000001,受理,DSNY,张三,2026-08-01 09:00,2026-08-01 10:00\nE2,70000001,审查,DSNY,李四,yesterday,\n';
    const attach: ImportResponse[] = [];
    await handleImportRequest(
      {
        type: 'import',
        bytes: new TextEncoder().encode(events),
        attachTo: id,
        options: {
          fileName: 'events.csv',
          format: 'csv',
          encoding: 'utf-8',
          mapping: {
            kind: 'case-events',
            columns: {
              caseId: '办件编号',
              step: '环节',
              departmentId: '部门',
              handler: '经办人',
              enteredAt: '开始时间',
              leftAt: '结束时间',
            },
          },
          importedAtMs: Date.parse('2026-10-01T09:05:00+08:00'),
        },
      },
      (m) => attach.push(m),
    );
    const done = attach.at(-1);
    if (done?.type !== 'imported') throw new Error(JSON.stringify(done));
    expect(done.report.accepted).toBe(1);
    expect(done.report.rejected[0]?.reason).toContain('进入环节时间');
    expect(done.report.source.revision).toBe(2);
    expect((await loadSourceData(id))?.caseEvents.map((e) => e.id)).toEqual(['E1']);
    await deleteSource(id);
    expect(await loadSourceData(id)).toBeNull();
  });

  it('an unreadable file is an error for the whole file, not a crash', async () => {
    const messages: ImportResponse[] = [];
    await handleImportRequest(
      {
        type: 'import',
        bytes: new TextEncoder().encode('Unique Key,Agency\n1,DOT\n'),
        options: {
          fileName: 'x.csv',
          format: 'csv',
          encoding: 'utf-8',
          mapping: loadMapping('city311.mapping.json'),
          importedAtMs: Date.parse('2026-10-01T09:00:00+08:00'),
        },
      },
      (m) => messages.push(m),
    );
    const last = messages.at(-1);
    expect(last?.type).toBe('error');
    if (last?.type === 'error') expect(last.message).toContain('不在表头中');
  });
});

describe('duplicate ids in an import name the first record by its 1-based number', () => {
  const ev = (id: string) => ({
    id,
    caseId: 'C1',
    level: 5,
    at: '2026-09-01T10:00:00+08:00',
    channel: '短信',
  });
  const options = (format: 'json' | 'ndjson') => ({
    fileName: `evaluations.${format}`,
    format,
    encoding: 'utf-8' as const,
    mapping: { kind: 'evaluations' as const, columns: {} },
    importedAtMs: Date.parse('2026-10-01T09:00:00+08:00'),
  });

  it('JSON array: the record number is the position', async () => {
    const bytes = new TextEncoder().encode(JSON.stringify([ev('P1'), ev('P2'), ev('P1')]));
    const out = await runImport(bytes, options('json'));
    expect(out.rejected.map((r) => [r.position, r.reason])).toEqual([
      [3, '编号重复，与第 1 条记录相同 (duplicate id, same as record 1)'],
    ]);
  });

  it('NDJSON with a blank line: record 2 is on line 3', async () => {
    const text = [ev('P1'), ev('P2')].map((x) => JSON.stringify(x)).join('\n\n');
    const bytes = new TextEncoder().encode(`${text}\n${JSON.stringify(ev('P2'))}\n`);
    const out = await runImport(bytes, options('ndjson'));
    expect(out.rejected.map((r) => [r.position, r.reason])).toEqual([
      [4, '编号重复，与第 2 条记录（文件第 3 行）相同 (duplicate id, same as record 2, line 3)'],
    ]);
  });
});
