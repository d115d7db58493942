/**
 * Imports through the service over real HTTP, signed in (docs/import.md): every format, the report
 * (accepted + rejected = rows), rejected rows with their file lines, duplicate content, hostile
 * files, the size limit, cancel, a full disk, choosing the imported source (figures = the CLI's on
 * the same file) and deleting it.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { AS_OF, signedIn, startTestServer, type Client, type TestServer } from './harness';

const ROOT = join(import.meta.dirname, '..', '..');
const FIX = join(ROOT, 'tests', 'fixtures');
const GBK = join(FIX, 'import', 'gbk-cases.csv');
const GBK_MAPPING = JSON.parse(
  readFileSync(join(FIX, 'import', 'gbk-cases.mapping.json'), 'utf8'),
) as Record<string, unknown>;

interface Report {
  importId: string;
  source: string;
  state: string;
  rows: number;
  accepted: number;
  rejected: number;
  encoding: string | null;
  error: string | null;
  byResource: { cases: { rows: number; accepted: number; rejected: number } };
}

let server: TestServer;
let admin: Client;

async function upload(
  c: Client,
  name: string,
  content: Uint8Array | string,
  options: { mapping?: unknown; query?: string } = {},
): Promise<Response> {
  const form = new FormData();
  if (options.mapping !== undefined) form.append('mapping', JSON.stringify(options.mapping));
  form.append(
    'file',
    new Blob([typeof content === 'string' ? content : new Uint8Array(content)]),
    name,
  );
  const headers: Record<string, string> = { origin: c.base };
  if (c.cookie !== null) headers['cookie'] = c.cookie;
  return fetch(`${c.base}/api/v1/imports${options.query ?? ''}`, {
    method: 'POST',
    headers,
    body: form,
  });
}

async function imported(
  name: string,
  content: Uint8Array | string,
  options: { mapping?: unknown; query?: string } = {},
): Promise<Report> {
  const res = await upload(admin, name, content, options);
  const body = (await res.json()) as Report;
  expect(res.status, JSON.stringify(body)).toBe(201);
  expect(body.state).toBe('done');
  expect(body.accepted + body.rejected).toBe(body.rows);
  expect(body.byResource.cases).toEqual({
    rows: body.rows,
    accepted: body.accepted,
    rejected: body.rejected,
  });
  return body;
}

async function json(c: Client, path: string): Promise<{ status: number; body: unknown }> {
  const res = await c.get(path);
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text) as unknown;
  } catch {
    body = text;
  }
  return { status: res.status, body };
}

async function rawCount(source: string): Promise<number> {
  const rows = await server.db.all(
    'SELECT (SELECT count(*) FROM raw_records WHERE source = $1)::INTEGER + (SELECT count(*) FROM rejected_records WHERE source = $1)::INTEGER AS n',
    [source],
  );
  return Number(rows[0]?.['n']);
}

/** A generated case CSV of n rows (every 10th row has a bad acceptance time). */
function generatedCsv(n: number, prefix: string): string {
  const lines = ['id,departmentId,acceptedAt,committedLimitDays,statutoryLimitDays,completedAt'];
  for (let i = 0; i < n; i++) {
    const at =
      i % 10 === 9 ? 'not a time' : `2026-08-${String((i % 28) + 1).padStart(2, '0')} 09:00`;
    lines.push(`${prefix}${i},D${String(i % 7).padStart(2, '0')},${at},5,10,`);
  }
  return `${lines.join('\n')}\n`;
}

beforeAll(async () => {
  server = await startTestServer();
  admin = await signedIn(server.url, 't-admin');
}, 120_000);

afterAll(async () => {
  await server?.cleanup();
});

describe('POST /api/v1/imports', () => {
  it('imports a GBK CSV with a mapping; the imported source shows the CLI’s figures for that file', async () => {
    const r = await imported('gbk-cases.csv', readFileSync(GBK), { mapping: GBK_MAPPING });
    expect(r.encoding).toBe('gb18030');
    expect(r.rows).toBe(43);
    expect(r.source).toBe(`import:${r.importId}`);

    const cli = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        'scripts/cli.ts',
        'evaluate',
        '--input',
        GBK,
        '--mapping',
        join(FIX, 'import', 'gbk-cases.mapping.json'),
        '--as-of',
        AS_OF,
      ],
      { cwd: ROOT, encoding: 'utf8' },
    );
    expect(cli.status, cli.stderr).toBe(0);
    const out = JSON.parse(cli.stdout) as {
      results: { level: 'normal' | 'early-warning' | 'yellow' | 'red'; onTime: boolean | null }[];
      rejected: unknown[];
    };
    expect(r.accepted).toBe(out.results.length);
    expect(r.rejected).toBe(out.rejected.length);
    const levels = { normal: 0, 'early-warning': 0, yellow: 0, red: 0 };
    let open = 0;
    for (const x of out.results) {
      if (x.onTime !== null) continue;
      open++;
      levels[x.level]++;
    }
    const mine = await json(admin, `/api/v1/overview?period=2026Q3&source=${r.source}`);
    const city = await json(admin, '/api/v1/overview?period=2026Q3');
    expect(mine.status).toBe(200);
    expect((mine.body as { open: unknown }).open).toEqual({ open, levels });
    expect((mine.body as { open: unknown }).open).not.toEqual(
      (city.body as { open: unknown }).open,
    );

    const alerts = await json(admin, `/api/v1/alerts?pageSize=100&source=${r.source}`);
    expect((alerts.body as { total: number }).total).toBe(
      levels.red + levels.yellow + levels['early-warning'],
    );
    // Issue 18.2: a source without tasks says so, never shows the city's.
    const tasks = await json(admin, `/api/v1/tasks?source=${r.source}`);
    expect(tasks.body).toMatchObject({ items: [], hasTasks: false });
    expect((await json(admin, '/api/v1/tasks')).body).toMatchObject({ hasTasks: true });
    const depts = await json(admin, `/api/v1/departments?source=${r.source}`);
    expect((depts.body as { items: { id: string }[] }).items.map((d) => d.id).sort()).toEqual(
      ['D01', 'D02', 'D03', 'D04', 'D05'].filter((d) =>
        (depts.body as { items: { id: string }[] }).items.some((x) => x.id === d),
      ),
    );
    const rank = await json(admin, `/api/v1/rankings?quarter=2026Q3&source=${r.source}`);
    expect(rank.status).toBe(200);

    // The same content again: 409 with the option; ?replace=true replaces it.
    const again = await upload(admin, 'copy.csv', readFileSync(GBK), { mapping: GBK_MAPPING });
    expect(again.status).toBe(409);
    expect(JSON.stringify(await again.json())).toContain('replace=true');
    const replaced = await imported('copy.csv', readFileSync(GBK), {
      mapping: GBK_MAPPING,
      query: '?replace=true',
    });
    const sources = (await json(admin, '/api/v1/sources')).body as { items: { id: string }[] };
    const ids = sources.items.map((s) => s.id);
    expect(ids).toContain(replaced.source);
    expect(ids).not.toContain(r.source);
    expect(await rawCount(r.source)).toBe(0);
    expect((await json(admin, `/api/v1/overview?period=2026Q3&source=${r.source}`)).status).toBe(
      404,
    );
  }, 120_000);

  it('detects English headers (a 311 export) without a mapping', async () => {
    const r = await imported('city311.csv', readFileSync(join(FIX, 'import', 'city311.csv')));
    expect(r.rows).toBe(64);
    expect(r.accepted).toBeGreaterThan(50);
  });

  it('reads XLSX (first sheet), JSON arrays and NDJSON to the same counts', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('办件');
    ws.addRow(['id', 'departmentId', 'acceptedAt', 'committedLimitDays', 'completedAt']);
    ws.addRow(['X1', 'D1', '2026-08-03 09:00', 5, '']);
    ws.addRow(['X2', 'D2', new Date(Date.UTC(2026, 7, 4, 10, 30)), 3, '2026-08-05 09:00']);
    ws.addRow([]);
    ws.addRow(['X1', 'D1', '2026-08-03 09:00', 5, '']);
    ws.addRow(['X4', 'D1', 'bad', 5, '']);
    const xlsx = await imported('cases.xlsx', new Uint8Array(await wb.xlsx.writeBuffer()));
    expect([xlsx.rows, xlsx.accepted, xlsx.rejected]).toEqual([4, 2, 2]);
    const csv = await (await admin.get(`/api/v1/imports/${xlsx.importId}/rejected.csv`)).text();
    // Sheet rows, one numbering: the duplicate names the sheet row of the first.
    expect(csv).toContain('工作表行号');
    expect(csv).toMatch(/\n5,3,X1,"办件编号重复，与第 1 条记录（工作表第 2 行）相同/);
    expect(csv).toMatch(/\n6,4,X4,/);

    const j = await imported('cases.json', readFileSync(join(FIX, 'cases.json')));
    const nd = await imported('cases.ndjson', readFileSync(join(FIX, 'cases.ndjson')));
    expect([j.rows, j.accepted]).toEqual([7, 7]);
    expect([nd.rows, nd.accepted]).toEqual([7, 7]);
    const bad = await imported('bad-records.json', readFileSync(join(FIX, 'bad-records.json')));
    expect(bad.rejected).toBe(10);
  });

  it('lists rejected rows with their 1-based file lines (a multi-line cell counted)', async () => {
    const text =
      'id,departmentId,acceptedAt,committedLimitDays,note\n' +
      'A1,D1,2026-08-03 09:00,5,"two\nlines"\n' +
      '\n' +
      'A2,D1,yesterday,5,x\n' +
      'A1,D2,2026-08-04 09:00,5,dup\n' +
      'A3,D1,2026-08-04 09:00\n';
    const r = await imported('lines.csv', text);
    expect([r.rows, r.accepted, r.rejected]).toEqual([4, 1, 3]);
    const res = await admin.get(`/api/v1/imports/${r.importId}/rejected.csv`);
    expect(res.status).toBe(200);
    const csv = await res.text();
    const lines = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(lines[0]).toBe(
      '文件行号,记录序号,编号,原因,id,departmentId,acceptedAt,committedLimitDays,note',
    );
    expect(lines[1]).toMatch(/^5,2,A2,受理时间无法解析/);
    expect(lines[2]).toMatch(/^6,3,A1,"办件编号重复，与第 1 条记录（文件第 2 行）相同/);
    expect(lines[3]).toMatch(/^7,4,,"该行有 3 列/);
  });

  it('refuses a header-only file, a PNG renamed .csv and an unknown extension with 400', async () => {
    const headerOnly = await upload(admin, 'empty.csv', 'id,departmentId,acceptedAt\n');
    expect(headerOnly.status).toBe(400);
    expect(JSON.stringify(await headerOnly.json())).toContain('no data rows');
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73]);
    const pic = await upload(admin, 'photo.csv', png);
    expect(pic.status).toBe(400);
    expect(JSON.stringify(await pic.json())).toContain('not a text table');
    expect((await upload(admin, 'x.doc', 'a,b\n1,2\n')).status).toBe(400);
    const sources = (await json(admin, '/api/v1/sources')).body as { items: { label: string }[] };
    expect(sources.items.map((s) => s.label)).not.toContain('empty.csv');
  });

  it('refuses a file over the configured limit up front, naming the limit (413)', async () => {
    const before = server.service.imports.maxBytes;
    server.service.imports.maxBytes = 2048;
    try {
      const res = await upload(admin, 'big.csv', generatedCsv(200, 'B'));
      expect(res.status).toBe(413);
      expect(JSON.stringify(await res.json())).toContain('2 KB');
    } finally {
      server.service.imports.maxBytes = before;
    }
  });

  it('is for admins and supervisors only', async () => {
    const leader = await signedIn(server.url, 't-leader');
    expect((await upload(leader, 'x.csv', generatedCsv(3, 'L'))).status).toBe(403);
    expect((await json(leader, '/api/v1/sources')).status).toBe(200);
  });
});

describe('running imports', () => {
  it('reports progress and cancels: nothing is kept', async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    server.service.imports.hooks.beforeWrite = () => gate;
    try {
      const res = await upload(admin, 'slow.csv', generatedCsv(30_000, 'S'), {
        query: '?async=true',
      });
      expect(res.status).toBe(202);
      const started = (await res.json()) as Report;
      const progress = await json(admin, `/api/v1/imports/${started.importId}`);
      expect(progress.body).toMatchObject({ state: 'running' });
      expect((progress.body as Report).rows).toBeGreaterThan(0);
      // The write waits at the gate until the service has taken the cancel (not merely until the
      // request left): under load the import could otherwise finish first.
      const imports = server.service.imports;
      const cancel = imports.cancel.bind(imports);
      vi.spyOn(imports, 'cancel').mockImplementation((id) => {
        const taken = cancel(id);
        release();
        return taken;
      });
      const c = await admin.request('DELETE', `/api/v1/imports/${started.importId}`);
      expect(c.status).toBe(200);
      expect(await c.json()).toMatchObject({ state: 'cancelled' });
      expect(await rawCount(started.source)).toBe(0);
      const again = await json(admin, `/api/v1/overview?period=2026Q3&source=${started.source}`);
      expect(again.status).toBe(404);
    } finally {
      vi.restoreAllMocks();
      server.service.imports.hooks = {};
    }
  }, 60_000);

  it('a full disk: a readable error, nothing partial kept, the previous data usable', async () => {
    const before = (await json(admin, '/api/v1/overview?period=2026Q3')).body;
    server.service.imports.hooks.beforeWrite = (rows) => {
      if (rows > 20_000) {
        throw Object.assign(new Error('IO Error: No space left on device'), { code: 'ENOSPC' });
      }
    };
    try {
      const res = await upload(admin, 'full.csv', generatedCsv(30_000, 'F'));
      expect(res.status).toBe(507);
      const body = JSON.stringify(await res.json());
      expect(body).toContain('磁盘空间不足');
      expect(body).toContain('disk full');
      const list = (await json(admin, '/api/v1/imports')).body as { items: Report[] };
      const failed = list.items.find((i) => i.state === 'failed');
      expect(failed?.error).toContain('disk full');
      expect(await rawCount(failed?.source ?? '')).toBe(0);
    } finally {
      server.service.imports.hooks = {};
    }
    expect((await json(admin, '/api/v1/overview?period=2026Q3')).body).toEqual(before);
  }, 60_000);
});

describe('sources', () => {
  it('?source= is validated; unknown sources are 404; an import can be deleted (audited)', async () => {
    expect((await json(admin, '/api/v1/overview?period=2026Q3&source=elsewhere')).status).toBe(400);
    expect((await json(admin, '/api/v1/overview?period=2026Q3&source=import:nope')).status).toBe(
      404,
    );
    const r = await imported('delete-me.csv', generatedCsv(50, 'Q'));
    expect((await json(admin, `/api/v1/overview?period=2026Q3&source=${r.source}`)).status).toBe(
      200,
    );
    expect((await admin.request('DELETE', '/api/v1/sources/city')).status).toBe(400);
    const del = await admin.request('DELETE', `/api/v1/sources/${encodeURIComponent(r.source)}`);
    expect(del.status).toBe(204);
    expect((await json(admin, `/api/v1/overview?period=2026Q3&source=${r.source}`)).status).toBe(
      404,
    );
    expect(await rawCount(r.source)).toBe(0);
    const audit = (await json(admin, '/api/v1/audit?action=source-delete')).body as {
      items: { detail: Record<string, unknown> }[];
    };
    expect(audit.items[0]?.detail).toMatchObject({ source: r.source, fileName: 'delete-me.csv' });
    const imports = (await json(admin, '/api/v1/audit?action=import')).body as { total: number };
    expect(imports.total).toBeGreaterThan(3);
  });
});
