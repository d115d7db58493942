/**
 * A liaison sees their own department (and a 区县's 乡镇街道) and nothing else: not by case id,
 * not through the alert list, search or a changed `dept=`, not in exports. The ranking is the
 * exception documented in docs/security.md: department-level figures, city-wide.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedIn, startTestServer, type TestServer } from './harness';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.cleanup();
});

interface AlertsPage {
  total: number;
  items: { caseId: string; departmentId: string }[];
}

const rows = () => server.service.evaluated?.model.rows ?? [];
const caseOf = (dept: string): string => {
  const row = rows().find((r) => r.departmentId === dept);
  if (row === undefined) throw new Error(`no case of ${dept}`);
  return row.id;
};
/** An alerted (open, warned) case outside D10, found as the admin sees it. */
async function foreignAlert(): Promise<{ caseId: string; departmentId: string }> {
  const admin = await signedIn(server.url, 't-admin');
  const page = (await (await admin.get('/api/v1/alerts?pageSize=500')).json()) as AlertsPage;
  const item = page.items.find((i) => i.departmentId !== 'D10');
  if (item === undefined) throw new Error('no foreign alert');
  return item;
}

describe('liaison of 自然资源和规划局 (D10)', () => {
  it('reads an own case by id, and gets 404 for another department’s', async () => {
    const c = await signedIn(server.url, 't-liaison');
    expect((await c.get(`/api/v1/cases/${encodeURIComponent(caseOf('D10'))}`)).status).toBe(200);
    const other = await c.get(`/api/v1/cases/${encodeURIComponent(caseOf('D01'))}`);
    expect(other.status).toBe(404);
    const missing = await c.get('/api/v1/cases/NO-SUCH-CASE');
    // The same answer as for a case that does not exist: existence is not revealed.
    expect(await other.text()).toBe(await missing.text());
  });

  it('lists only own alerts, whatever the dept= or q= asks for', async () => {
    const c = await signedIn(server.url, 't-liaison');
    const own = (await (await c.get('/api/v1/alerts?pageSize=500')).json()) as AlertsPage;
    expect(own.total).toBeGreaterThan(0);
    expect(new Set(own.items.map((i) => i.departmentId))).toEqual(new Set(['D10']));

    const foreign = await foreignAlert();
    const byDept = (await (
      await c.get(`/api/v1/alerts?dept=${foreign.departmentId}`)
    ).json()) as AlertsPage;
    expect(byDept.total).toBe(0);
    const bySearch = (await (
      await c.get(`/api/v1/alerts?q=${encodeURIComponent(foreign.caseId)}`)
    ).json()) as AlertsPage;
    expect(bySearch.total).toBe(0);
  });

  it('exports only own rows (CSV), and the export is audited with its row count', async () => {
    const c = await signedIn(server.url, 't-liaison');
    const total = ((await (await c.get('/api/v1/alerts?pageSize=1')).json()) as AlertsPage).total;
    const foreign = await foreignAlert();
    const csv = await (await c.get('/api/v1/alerts/export.csv?sort=id')).text();
    const lines = csv.trim().split('\r\n').slice(1);
    expect(lines).toHaveLength(total);
    // 部门编码 is the fourth column; no foreign case id appears anywhere in the file.
    expect(new Set(lines.map((l) => l.split(',')[3]))).toEqual(new Set(['D10']));
    expect(csv).not.toContain(foreign.caseId);
    // Asking for the other department by name gives a file with the header only.
    const asked = await (
      await c.get(`/api/v1/alerts/export.csv?dept=${foreign.departmentId}`)
    ).text();
    expect(asked.trim().split('\r\n')).toHaveLength(1);

    const admin = await signedIn(server.url, 't-admin');
    const audit = (await (
      await admin.get('/api/v1/audit?user=t-liaison&action=export')
    ).json()) as {
      items: { role: string; detail: { route: string; query: string; rows: number } }[];
    };
    expect(audit.items[0]?.role).toBe('liaison');
    expect(audit.items[0]?.detail).toEqual({
      route: '/api/v1/alerts/export.csv',
      query: `dept=${foreign.departmentId}`,
      rows: 0,
    });
    expect(audit.items[1]?.detail).toEqual({
      route: '/api/v1/alerts/export.csv',
      query: 'sort=id',
      rows: total,
    });
  });

  it('sees only own departments, tasks and slow-action flags; the overview is smaller', async () => {
    const c = await signedIn(server.url, 't-liaison');
    const admin = await signedIn(server.url, 't-admin');
    const depts = (await (await c.get('/api/v1/departments')).json()) as {
      items: { id: string }[];
    };
    expect(depts.items.map((d) => d.id)).toEqual(['D10']);
    const slow = (await (await c.get('/api/v1/slow-action?period=2026Q3')).json()) as {
      items: { departmentId: string }[];
    };
    expect(slow.items.every((f) => f.departmentId === 'D10')).toBe(true);
    const tasks = (await (await c.get('/api/v1/tasks')).json()) as {
      items: { task: { leadDepartmentId: string; coDepartmentIds: string[] } }[];
    };
    for (const { task } of tasks.items)
      expect([task.leadDepartmentId, ...task.coDepartmentIds]).toContain('D10');
    const mine = JSON.stringify(await (await c.get('/api/v1/overview?period=2026Q3')).json());
    const all = JSON.stringify(await (await admin.get('/api/v1/overview?period=2026Q3')).json());
    expect(mine).not.toBe(all);
  });

  it('sees the city-wide ranking (department figures, as published)', async () => {
    const c = await signedIn(server.url, 't-liaison');
    const res = await c.get('/api/v1/rankings?quarter=2026Q3');
    expect(res.status).toBe(200);
    expect(JSON.stringify(await res.json())).toContain('D01');
  });
});

describe('liaison of a 区县 (X07 白河县)', () => {
  it('sees the county and its 乡镇街道, nothing else', async () => {
    const c = await signedIn(server.url, 't-county');
    const me = (await (await c.get('/api/v1/me')).json()) as { departments: string[] };
    expect(me.departments).toEqual(['X07', 'Z07']);
    const page = (await (await c.get('/api/v1/alerts?pageSize=500')).json()) as AlertsPage;
    expect(page.total).toBeGreaterThan(0);
    for (const i of page.items) expect(['X07', 'Z07']).toContain(i.departmentId);
    const township = rows().find((r) => r.departmentId === 'Z07');
    if (township !== undefined)
      expect((await c.get(`/api/v1/cases/${encodeURIComponent(township.id)}`)).status).toBe(200);
    expect((await c.get(`/api/v1/cases/${encodeURIComponent(caseOf('X02'))}`)).status).toBe(404);
  });
});
