/**
 * What the service answers about an imported file, over real HTTP, signed in:
 * - every sourced read (driven from the route table, so a new sourced route is covered without
 *   editing this file) answers from the source it was asked for: JSON answers name it in
 *   `meta.source`, file answers (exports) hold that source's rows;
 * - `GET /imports/{id}/rejected` and `/rejected.csv` list the rejected rows with their file lines,
 *   record numbers and reasons; the CSV is formula-safe; an unknown import is 404; a role the
 *   route does not name is 403.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { apiRoutes } from '../../server/http/routes';
import type { ApiRoute } from '../../server/http/route';
import { importReport, rejectedSample } from '../../src/contract/imports';
import { z } from '../../src/contract/zod';
import { ACCOUNTS, signedIn, startTestServer, type Client, type TestServer } from './harness';

const HEADER = 'id,departmentId,acceptedAt,committedLimitDays,statutoryLimitDays,completedAt,note';
/** 24 good cases in three departments, then the rejected rows (file lines 26–29). */
const GOOD = Array.from(
  { length: 24 },
  (_, i) =>
    `R${i},D0${(i % 3) + 1},2026-08-${String((i % 27) + 1).padStart(2, '0')} 09:00,5,10,${i % 2 === 0 ? '' : '2026-09-01 10:00'},ok`,
);
const BAD = [
  '=1+1,D01,not a time,5,10,,@SUM(A1)', // line 26: no time; a formula id and a formula cell
  'R5,D02,2026-08-04 09:00,5,10,,+dup', // line 27: R5 again (first on line 7)
  '-3,D01,1900-01-01 09:00,5,10,,"=HYPERLINK(""http://x"")"', // line 28: implausible date
  'R99,D01,2026-08-04 09:00', // line 29: too few cells
];
const FILE = [HEADER, ...GOOD, ...BAD].join('\n') + '\n';

let server: TestServer;
let admin: Client;
let importId: string;
let importSource: string;

async function upload(c: Client, name: string, content: string): Promise<Response> {
  const form = new FormData();
  form.append('file', new Blob([content]), name);
  const headers: Record<string, string> = { origin: c.base };
  if (c.cookie !== null) headers['cookie'] = c.cookie;
  return fetch(`${c.base}/api/v1/imports`, { method: 'POST', headers, body: form });
}

beforeAll(async () => {
  server = await startTestServer();
  admin = await signedIn(server.url, 't-admin');
  const res = await upload(admin, 'cases-with-formulas.csv', FILE);
  expect(res.status).toBe(201);
  const report = importReport.parse(await res.json());
  expect([report.rows, report.accepted, report.rejected]).toEqual([28, 24, 4]);
  importId = report.importId;
  importSource = report.source;
}, 120_000);

afterAll(async () => {
  await server?.cleanup();
});

/** A case and a department of the source, for the routes that read one. */
async function sampleIds(source: string): Promise<{ caseId: string; deptId: string }> {
  const row = (await server.service.evaluatedFor(source)).model.rows[0];
  if (row === undefined) throw new Error(`${source} has no cases`);
  return { caseId: row.id, deptId: row.departmentId };
}

/** A concrete request for a sourced GET route: its path parameters and the query it needs. */
function requestOf(r: ApiRoute, source: string, ids: { caseId: string; deptId: string }): string {
  const id = r.url.startsWith('/api/v1/cases/') ? ids.caseId : ids.deptId;
  const path = r.url.replace(':id', encodeURIComponent(id)).replace(':quarter', '2026Q3');
  const q = new URLSearchParams({ source, period: '2026Q3', quarter: '2026Q3' });
  if (r.url === '/api/v1/case') q.set('id', ids.caseId);
  if (r.url === '/api/v1/department') q.set('id', ids.deptId);
  if (r.url === '/api/v1/rankings/evidence') q.set('dept', ids.deptId);
  return `${path}?${q.toString()}`;
}

/** Data rows of an export: CSV lines after the header, or XLSX rows after the header. */
async function exportRows(res: Response): Promise<number> {
  const type = res.headers.get('content-type') ?? '';
  if (type.includes('text/csv')) {
    const text = (await res.text()).replace(/^\uFEFF/, '').trimEnd();
    return text.split(/\r\n/).length - 1;
  }
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(await res.arrayBuffer());
  return (wb.worksheets[0]?.actualRowCount ?? 0) - 1;
}

const withMeta = z.object({ meta: z.object({ source: z.string() }) });
const alertsTotal = z.object({ total: z.number().int() });

describe('every sourced read answers from the source asked for', () => {
  it('JSON answers name it in meta.source; exports hold its rows (city and an imported dataset)', async () => {
    const sourced = apiRoutes(server.service).filter((r) => r.sourced === true);
    // The table decides what is covered; these are the routes the pages read today.
    expect(sourced.map((r) => r.url)).toEqual(
      expect.arrayContaining([
        '/api/v1/overview',
        '/api/v1/alerts',
        '/api/v1/alerts/export.csv',
        '/api/v1/alerts/export.xlsx',
        '/api/v1/tasks',
        '/api/v1/rankings',
      ]),
    );
    expect(sourced.every((r) => r.method === 'GET')).toBe(true);
    const wrong: string[] = [];
    for (const source of ['city', importSource]) {
      const ids = await sampleIds(source);
      for (const r of sourced) {
        const path = requestOf(r, source, ids);
        // An export holds the rows the alerts list counts for the same query.
        const query = path.slice(path.indexOf('?'));
        const total = alertsTotal.parse(
          await (await admin.get(`/api/v1/alerts${query}`)).json(),
        ).total;
        const res = await admin.get(path);
        if (res.status !== 200) {
          wrong.push(`${path}: HTTP ${res.status}`);
          await res.body?.cancel();
        } else if (r.produces === undefined) {
          const meta = withMeta.safeParse(await res.json());
          const named = meta.success ? meta.data.meta.source : 'no meta.source';
          if (named !== source) wrong.push(`${path}: ${named}`);
        } else {
          const rows = await exportRows(res);
          if (rows !== total) wrong.push(`${path}: ${rows} rows, the source has ${total}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  }, 120_000);
});

const CSV_HEADER = `文件行号,记录序号,编号,原因,${HEADER}`;

describe('GET /api/v1/imports/{id}/rejected', () => {
  it('lists the rejected rows with file lines, record numbers and reasons (JSON)', async () => {
    const res = await admin.get(`/api/v1/imports/${importId}/rejected`);
    expect(res.status).toBe(200);
    const sample = rejectedSample.parse(await res.json());
    expect(sample.total).toBe(4);
    expect(sample.items.map((i) => [i.line, i.ordinal, i.id])).toEqual([
      [26, 25, '=1+1'],
      [27, 26, 'R5'],
      [28, 27, '-3'],
      [29, 28, null], // a row of the wrong width is not read as a record, so it has no id
    ]);
    const [noTime, dup, old, short] = sample.items.map((i) => i.reason);
    expect(noTime).toMatch(/受理时间无法解析/);
    expect(dup).toMatch(/^办件编号重复，与第 6 条记录（文件第 7 行）相同 \(duplicate id/);
    expect(old).toMatch(/受理时间.*2000-01-01/);
    expect(short).toMatch(/^该行有 3 列，表头有 7 列/);
    // The JSON keeps the cells exactly as read: escaping is the CSV's business.
    expect(sample.items[0]?.cells).toMatchObject({ id: '=1+1', note: '@SUM(A1)' });
    const two = await admin.get(`/api/v1/imports/${importId}/rejected?limit=2`);
    const limited = rejectedSample.parse(await two.json());
    expect([limited.total, limited.items.length]).toEqual([4, 2]);
  });

  it('offers every rejected row as a formula-safe CSV', async () => {
    const res = await admin.get(`/api/v1/imports/${importId}/rejected.csv`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // UTF-8 BOM, for Excel
    const lines = new TextDecoder().decode(bytes).trimEnd().split('\r\n');
    expect(lines[0]).toBe(CSV_HEADER);
    expect(lines).toHaveLength(5);
    expect(lines[1]).toMatch(/^26,25,'=1\+1,[^,]*受理时间无法解析/);
    expect(lines[1]).toMatch(/,'=1\+1,D01,not a time,5,10,,'@SUM\(A1\)$/);
    expect(lines[2]).toMatch(/^27,26,R5,"办件编号重复，与第 6 条记录（文件第 7 行）相同/);
    expect(lines[2]).toMatch(/,'\+dup$/);
    expect(lines[3]).toMatch(/^28,27,'-3,/);
    expect(lines[3]).toMatch(/,"'=HYPERLINK\(""http:\/\/x""\)"$/);
    expect(lines[4]).toMatch(/^29,28,,"该行有 3 列，表头有 7 列/);
    // No cell the spreadsheet would run: every cell starting = + - @ is quoted with '.
    for (const line of lines.slice(1)) {
      for (const cell of line.split(',')) expect(cell.replace(/^"/, '')).not.toMatch(/^[=+\-@]/);
    }
  });

  it('shows a spreadsheet date cell as its date and time, never as epoch milliseconds', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('办件');
    ws.addRow(['id', 'departmentId', 'acceptedAt', 'committedLimitDays']);
    ws.addRow(['X1', 'D1', new Date(Date.UTC(2026, 7, 4, 10, 30)), 'five']);
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(await wb.xlsx.writeBuffer())]), 'dates.xlsx');
    const res = await fetch(`${admin.base}/api/v1/imports`, {
      method: 'POST',
      headers: { origin: admin.base, cookie: admin.cookie ?? '' },
      body: form,
    });
    const report = importReport.parse(await res.json());
    expect([report.rows, report.rejected]).toEqual([1, 1]);
    const sample = rejectedSample.parse(
      await (await admin.get(`/api/v1/imports/${report.importId}/rejected`)).json(),
    );
    expect(sample.items[0]?.cells['acceptedAt']).toMatch(/^2026-08-04[ T]10:30/);
  });

  it('answers 404 for an import that does not exist', async () => {
    for (const path of ['/rejected', '/rejected.csv']) {
      const res = await admin.get(`/api/v1/imports/000000000000${path}`);
      expect(res.status, path).toBe(404);
      expect(await res.json()).toMatchObject({ error: { code: 'not_found' } });
    }
  });

  it('is refused (403) to every role the route table does not name', async () => {
    const routes = apiRoutes(server.service).filter((r) =>
      r.url.startsWith('/api/v1/imports/:id/rejected'),
    );
    expect(routes).toHaveLength(2);
    for (const r of routes) {
      expect(r.roles).not.toContain('liaison');
      for (const account of ACCOUNTS) {
        const client = await signedIn(server.url, account.name);
        const res = await client.get(r.url.replace(':id', importId));
        await res.body?.cancel();
        const want = r.roles.includes(account.role) ? 200 : 403;
        expect(res.status, `${account.name} ${r.url}`).toBe(want);
      }
    }
  });
});

describe('imported sources in memory', () => {
  const small = (prefix: string) => `${HEADER}\n${GOOD.map((line) => prefix + line).join('\n')}\n`;
  async function importSmall(prefix: string): Promise<string> {
    const res = await upload(admin, `${prefix}.csv`, small(prefix));
    expect(res.status).toBe(201);
    return importReport.parse(await res.json()).importId;
  }

  it('evaluates a new import as soon as it is stored, before anyone asks for it', async () => {
    const id = await importSmall('W');
    await vi.waitFor(() => expect(server.service.imports.cachedEvaluations()).toContain(id), {
      timeout: 20_000,
    });
  });

  it('keeps only the two most recently used evaluations (a big import holds ≈ 1 GB)', async () => {
    const a = await importSmall('A');
    const b = await importSmall('B');
    await vi.waitFor(() => expect(server.service.imports.cachedEvaluations()).toEqual([a, b]), {
      timeout: 20_000,
    });
    // Reading the older one again makes it the most recent; the other stays, nothing else.
    const res = await admin.get(`/api/v1/overview?period=2026Q3&source=import:${a}`);
    expect(res.status).toBe(200);
    expect(server.service.imports.cachedEvaluations()).toEqual([b, a]);
  });
});
