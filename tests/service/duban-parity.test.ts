/**
 * Issue 15 item 6, "API = chart = table = export": for 2026Q3 on the demo city, before and after a
 * revocation, the overview's open levels (what its cards and chart show) equal the alert list's
 * counts (the table), the list's total equals the rows of its CSV and XLSX exports (same order),
 * the slow-action list holds no flag of a revoked case, and the ranking row counts what the
 * evidence does. Then the figures moved by exactly the revoked cases.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { alertsResponse } from '../../src/contract/alerts';
import { cardsResponse, noticeItem } from '../../src/contract/duban';
import { overviewResponse } from '../../src/contract/overview';
import { slowActionResponse } from '../../src/contract/slow-action';
import { call, liaisonOf, SUPERVISOR } from './duban-helpers';
import { syncedCity } from './helpers';
import { testAuth } from './duban-helpers';

const city = syncedCity(3000, { auth: testAuth });

const Q = '2026Q3';

async function get(path: string): Promise<unknown> {
  const r = await call(city.server.url, 'GET', path, SUPERVISOR);
  expect(r.status, path).toBe(200);
  return r.body;
}

async function exported(format: 'csv' | 'xlsx', query: string): Promise<string[]> {
  const res = await fetch(`${city.server.url}/api/v1/alerts/export.${format}?${query}`, {
    headers: { 'x-test-viewer': 'supervisor' },
  });
  expect(res.status).toBe(200);
  if (format === 'csv')
    return (await res.text())
      .replace(/^\uFEFF/, '')
      .split('\r\n')
      .slice(1)
      .filter((l) => l !== '')
      .map((l) => l.split(',')[0] ?? '');
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(await res.arrayBuffer());
  const sheet = book.worksheets[0];
  const ids: string[] = [];
  sheet?.eachRow((row, n) => {
    if (n > 1) ids.push(String(row.getCell(1).value));
  });
  return ids;
}

interface Snapshot {
  overviewRed: number;
  overviewOpen: number;
  alertIds: string[];
  slowCaseIds: Set<string>;
  slowCount: number;
  counted: number;
}

/** Every view of one quarter, checked against each other; returns the figures compared later. */
async function snapshot(dept: string): Promise<Snapshot> {
  const overview = overviewResponse.parse(await get(`/api/v1/overview?period=${Q}`));
  const list = alertsResponse.parse(await get('/api/v1/alerts?pageSize=500'));
  const all = alertsResponse.parse(await get(`/api/v1/alerts?pageSize=500&page=1`));
  // chart/cards = table: the overview's open levels are the alert list's counts.
  expect(overview.open.levels.red).toBe(list.counts.red);
  expect(overview.open.levels.yellow).toBe(list.counts.yellow);
  expect(overview.open.levels['early-warning']).toBe(list.counts['early-warning']);
  // table = export, row for row (a department's list fits in one page).
  const deptList = alertsResponse.parse(await get(`/api/v1/alerts?dept=${dept}&pageSize=500`));
  const ids = deptList.items.map((a) => a.caseId);
  expect(await exported('csv', `dept=${dept}`)).toEqual(ids);
  expect(await exported('xlsx', `dept=${dept}`)).toEqual(ids);
  const slow = slowActionResponse.parse(await get(`/api/v1/slow-action?period=${Q}`));
  const ranking = (await get(`/api/v1/rankings?quarter=${Q}`)) as {
    departments: { departmentId: string; counted: number }[];
  };
  return {
    overviewRed: overview.open.levels.red,
    overviewOpen: overview.open.open,
    alertIds: all.items.map((a) => a.caseId),
    slowCaseIds: new Set(slow.items.flatMap((f) => (f.caseId === null ? [] : [f.caseId]))),
    slowCount: slow.items.length,
    counted: ranking.departments.find((d) => d.departmentId === dept)?.counted ?? 0,
  };
}

describe('API = chart = table = export, before and after a revocation', () => {
  it('agree in every view, and move by exactly the revoked cases', async () => {
    const reds = cardsResponse.parse(await get('/api/v1/cards?state=active&level=red')).items;
    const open = new Set(
      (city.server.service.evaluated?.evaluatedModel.rows ?? [])
        .filter((r) => !r.completed)
        .map((r) => r.id),
    );
    const card = reds.find((c) => open.has(c.caseId));
    if (card === undefined) throw new Error('no open red card in the demo city');
    const dept = card.departmentId;
    const before = await snapshot(dept);
    expect(before.alertIds).toContain(card.caseId);

    const issued = noticeItem.parse(
      (
        await call(city.server.url, 'POST', '/api/v1/notices', SUPERVISOR, {
          cardIds: [card.id],
          instructions: '请说明超期原因',
        })
      ).body,
    );
    const liaison = liaisonOf(dept);
    const appealed = await call(
      city.server.url,
      'POST',
      `/api/v1/notices/${issued.id}/appeal`,
      liaison,
      {
        reason: 'platform-error',
        explanation: '平台故障',
        version: issued.version,
      },
    );
    expect(appealed.status).toBe(200);
    const revoked = await call(
      city.server.url,
      'POST',
      `/api/v1/notices/${issued.id}/decision`,
      SUPERVISOR,
      {
        decision: 'revoke',
        reason: '申诉成立',
        version: noticeItem.parse(appealed.body).version,
      },
    );
    expect(revoked.status).toBe(200);

    const after = await snapshot(dept);
    expect(after.overviewRed).toBe(before.overviewRed - 1);
    expect(after.overviewOpen).toBe(before.overviewOpen - 1);
    expect(after.alertIds).not.toContain(card.caseId);
    expect(after.slowCaseIds.has(card.caseId)).toBe(false);
    const flagsOfCase = before.slowCaseIds.has(card.caseId) ? 1 : 0;
    expect(after.slowCount).toBeLessThanOrEqual(before.slowCount - flagsOfCase);
    // An open overdue red case counts in the quarter (open and overdue at its end): it leaves.
    expect(after.counted).toBe(before.counted - 1);
    // 已撤销 on request: listed and exported, tagged.
    const only = alertsResponse.parse(await get(`/api/v1/alerts?dept=${dept}&revoked=only`));
    expect(only.items.map((a) => [a.caseId, a.revoked])).toEqual([[card.caseId, true]]);
    expect(await exported('csv', `dept=${dept}&revoked=only`)).toEqual([card.caseId]);
    console.log(
      `parity ${Q}: case ${card.caseId} (${dept}); overview red ${before.overviewRed} → ${after.overviewRed}, open ${before.overviewOpen} → ${after.overviewOpen}, slow-action flags ${before.slowCount} → ${after.slowCount}, ${dept} counted ${before.counted} → ${after.counted}`,
    );
  }, 120_000);
});
