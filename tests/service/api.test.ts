/**
 * The API as the dashboard and other tools use it: alert paging, filters and sort done by the
 * service; the exports hold exactly the filtered rows in the same order (CSV formula-safe, XLSX
 * readable); a case with its timeline; 404 and 400 with the contract's error shape; OpenAPI
 * generated from the route table; security headers on every answer.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { alertsResponse, type AlertsResponse } from '../../src/contract/alerts';
import { apiErrorSchema } from '../../src/contract/api-error';
import { getJson, syncedCity } from './helpers';

const city = syncedCity(3000);

async function alerts(query: string): Promise<AlertsResponse> {
  const r = await getJson(`${city.server.url}/api/v1/alerts?${query}`);
  expect(r.status).toBe(200);
  return alertsResponse.parse(r.body);
}

describe('alerts', () => {
  it('pages through every alert exactly once, worst first by default', async () => {
    const first = await alerts('pageSize=5');
    expect(first.total).toBeGreaterThan(10);
    const ids = new Set<string>();
    const pages = Math.ceil(first.total / 5);
    for (let p = 1; p <= pages; p++)
      for (const a of (await alerts(`pageSize=5&page=${p}`)).items) ids.add(a.caseId);
    expect(ids.size).toBe(first.total);
    const rank = { red: 3, yellow: 2, 'early-warning': 1 };
    const levels = first.items.map((a) => rank[a.level]);
    expect(levels).toEqual([...levels].sort((a, b) => b - a));
  });

  it('filters by level and department and sorts on the service', async () => {
    const all = await alerts('pageSize=500');
    const dept = all.items[0]?.departmentId ?? '';
    const r = await alerts(
      `level=red,yellow&dept=${encodeURIComponent(dept)}&sort=remaining&pageSize=500`,
    );
    expect(r.items.length).toBe(r.total);
    expect(r.items.every((a) => a.departmentId === dept && a.level !== 'early-warning')).toBe(true);
    expect(r.total).toBe(
      all.items.filter((a) => a.departmentId === dept && a.level !== 'early-warning').length,
    );
    const remaining = r.items.map((a) => a.remainingDays);
    expect(remaining).toEqual([...remaining].sort((a, b) => a - b));
  });

  it('exports exactly the filtered rows in the order of the list, as CSV and XLSX', async () => {
    const query = 'level=red,yellow&sort=-elapsed';
    const list = await alerts(`${query}&pageSize=500`);
    const csvBytes = new Uint8Array(
      await (await fetch(`${city.server.url}/api/v1/alerts/export.csv?${query}`)).arrayBuffer(),
    );
    expect([...csvBytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(csvBytes).trim().split('\r\n');
    expect(lines[0]).toMatch(/^办件编号,预警等级,部门/);
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(list.items.map((a) => a.caseId));

    const res = await fetch(`${city.server.url}/api/v1/alerts/export.xlsx?${query}`);
    expect(res.headers.get('content-disposition')).toContain("filename*=UTF-8''");
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await res.arrayBuffer());
    const sheet = book.worksheets[0];
    expect(sheet?.rowCount).toBe(list.total + 1);
    expect(sheet?.getRow(2).getCell(1).value).toBe(list.items[0]?.caseId);
    expect(sheet?.getRow(2).getCell(10).value).toBe(list.items[0]?.elapsedDays); // a number cell
  });

  it('answers bad parameters with 400 and the error shape', async () => {
    const r = await getJson(`${city.server.url}/api/v1/alerts?pageSize=100000`);
    expect(r.status).toBe(400);
    expect(apiErrorSchema.parse(r.body).error.code).toBe('bad_request');
    expect((await getJson(`${city.server.url}/api/v1/overview?period=2026Q9`)).status).toBe(400);
  });
});

describe('cases', () => {
  it('returns one case with its evaluation, steps and timeline; 404 for an unknown id', async () => {
    const first = (await alerts('level=red&pageSize=1')).items[0];
    const r = await getJson(
      `${city.server.url}/api/v1/cases/${encodeURIComponent(first?.caseId ?? '')}`,
    );
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      caseId: first?.caseId,
      level: 'red',
      departmentId: first?.departmentId,
    });
    expect((r.body as { steps: unknown[] }).steps.length).toBeGreaterThan(0);
    const missing = await getJson(
      `${city.server.url}/api/v1/cases/${encodeURIComponent('no such/case?')}`,
    );
    expect(missing.status).toBe(404);
    expect(apiErrorSchema.parse(missing.body).error.code).toBe('not_found');
  });
});

describe('the service as a whole', () => {
  it('generates OpenAPI from the route table: every route is documented with its scope rule', async () => {
    const r = await getJson(`${city.server.url}/api/v1/openapi.json`);
    const doc = r.body as {
      openapi: string;
      paths: Record<string, Record<string, { 'x-scope': string }>>;
    };
    expect(doc.openapi).toBe('3.1.0');
    for (const path of [
      '/api/v1/health',
      '/api/v1/alerts',
      '/api/v1/alerts/export.xlsx',
      '/api/v1/cases/{id}',
      '/api/v1/rankings',
    ]) {
      expect(Object.keys(doc.paths)).toContain(path);
    }
    for (const ops of Object.values(doc.paths))
      for (const op of Object.values(ops))
        expect(op['x-scope']).toMatch(/public|own-departments|city/);
  });

  it('sends a strict CSP and the other security headers on API answers', async () => {
    const res = await fetch(`${city.server.url}/api/v1/health`);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('same-origin');
  });

  it('answers unknown API paths with 404 in the error shape', async () => {
    const r = await getJson(`${city.server.url}/api/v1/nothing-here`);
    expect(r.status).toBe(404);
    expect(apiErrorSchema.parse(r.body).error.code).toBe('not_found');
  });
});
