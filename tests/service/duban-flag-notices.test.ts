/**
 * Issue 15 item 2: a 督办单 for a slow-action flag. The supervisor issues it from a flag (case +
 * rule) raised now in their scope; the answer lists the flag with its evidence; a second notice
 * for the same flag, a flag not raised, a case out of scope and a liaison issuing are refused.
 * After an appeal and a 撤销 decision the flag no longer counts: the slow-action list and its
 * per-rule counts and chart/table/export matrix, the overview's department flag count and the
 * ranking's 慢作为 flags of the department all drop by exactly one, and agree with each other;
 * `revoked=only` lists the flag, tagged, to its department's viewers only.
 */
import { describe, expect, it } from 'vitest';
import { noticeItem } from '../../src/contract/duban';
import { overviewResponse } from '../../src/contract/overview';
import { quarterRanking } from '../../src/contract/rankings';
import { slowActionResponse, type SlowActionResponse } from '../../src/contract/slow-action';
import {
  countByRule,
  departmentRuleMatrix,
  type SlowActionFlagRow,
} from '../../src/engine/slow-action-view';
import { call, liaisonOf, LEADER, SUPERVISOR, testAuth } from './duban-helpers';
import { syncedCity } from './helpers';

const city = syncedCity(3000, { auth: testAuth });
const Q = '2026Q3';

async function get(path: string): Promise<unknown> {
  const r = await call(city.server.url, 'GET', path, SUPERVISOR);
  expect(r.status, path).toBe(200);
  return r.body;
}

interface Figures {
  rows: SlowActionResponse['items'];
  ruleCount: number;
  matrixCount: number;
  overviewFlags: number;
  rankingFlags: number;
}

async function figures(dept: string, code: SlowActionFlagRow['code']): Promise<Figures> {
  const slow = slowActionResponse.parse(await get(`/api/v1/slow-action?period=${Q}`));
  const rows = slow.items;
  const overview = overviewResponse.parse(await get(`/api/v1/overview?period=${Q}`));
  const ranking = quarterRanking.parse(await get(`/api/v1/rankings?quarter=${Q}`));
  const caseRows = rows.filter((r) => r.departmentId === dept && r.caseId !== null);
  const line = overview.departments.find((d) => d.departmentId === dept);
  // The overview's department flags are its case flags plus its 逾期未反馈 notices.
  expect(line?.flags).toBe(
    rows.filter((r) => r.departmentId === dept && r.code !== 'deadline-rush').length,
  );
  return {
    rows,
    ruleCount: countByRule(caseRows)[code],
    matrixCount: departmentRuleMatrix(rows).find((l) => l.departmentId === dept)?.counts[code] ?? 0,
    overviewFlags: line?.flags ?? 0,
    rankingFlags:
      ranking.departments.find((d) => d.departmentId === dept)?.counts.flagsByCode[code] ?? 0,
  };
}

describe('a 督办单 for a slow-action flag', () => {
  it('is issued for a raised flag, refused twice, and its revocation moves every figure by one', async () => {
    const slow = slowActionResponse.parse(await get(`/api/v1/slow-action?period=${Q}`));
    const flag = slow.items.find((r) => r.caseId !== null && r.caseState === 'open');
    if (flag?.caseId == null) throw new Error('no open case flag in the demo city');
    const caseId = flag.caseId;
    const dept = flag.departmentId;
    const before = await figures(dept, flag.code);
    expect(before.ruleCount).toBe(before.matrixCount);

    const body = { flags: [{ caseId, rule: flag.code }], instructions: '请说明滞留原因' };
    const url = city.server.url;
    expect((await call(url, 'POST', '/api/v1/notices', liaisonOf(dept), body)).status).toBe(403);
    expect((await call(url, 'POST', '/api/v1/notices', LEADER, body)).status).toBe(403);
    const unknown = await call(url, 'POST', '/api/v1/notices', SUPERVISOR, {
      ...body,
      flags: [{ caseId: 'NO-SUCH-CASE', rule: flag.code }],
    });
    expect(unknown.status).toBe(404);
    const otherRule = flag.code === 'stall' ? 'accepted-idle' : 'stall';
    const raised = slow.items.some((r) => r.caseId === caseId && r.code === otherRule);
    if (!raised) {
      const notRaised = await call(url, 'POST', '/api/v1/notices', SUPERVISOR, {
        ...body,
        flags: [{ caseId, rule: otherRule }],
      });
      expect(notRaised.status).toBe(409);
    }
    expect(
      (await call(url, 'POST', '/api/v1/notices', SUPERVISOR, { instructions: 'x' })).status,
    ).toBe(400);

    const issuedAnswer = await call(url, 'POST', '/api/v1/notices', SUPERVISOR, body);
    expect(issuedAnswer.status, JSON.stringify(issuedAnswer.body)).toBe(201);
    const issued = noticeItem.parse(issuedAnswer.body);
    expect(issued.departmentId).toBe(dept);
    expect(issued.cardIds).toEqual([]);
    expect(issued.flags).toEqual([
      {
        caseId,
        rule: flag.code,
        ruleName: flag.rule,
        since: flag.since,
        explanation: flag.explanation,
        evidence: flag.evidence,
      },
    ]);
    const again = await call(url, 'POST', '/api/v1/notices', SUPERVISOR, body);
    expect(again.status).toBe(409);
    expect(JSON.stringify(again.body)).toContain(issued.number);
    const read = noticeItem.parse(await get(`/api/v1/notices/${issued.id}`));
    expect(read.flags).toEqual(issued.flags);
    // The case page's 督办记录 finds it by case.
    const byCase = (await get(`/api/v1/notices?caseId=${encodeURIComponent(caseId)}`)) as {
      items: { id: number }[];
    };
    expect(byCase.items.map((n) => n.id)).toContain(issued.id);

    const appealed = await call(
      url,
      'POST',
      `/api/v1/notices/${issued.id}/appeal`,
      liaisonOf(dept),
      {
        reason: 'applicant-delay',
        explanation: '申请人补正材料迟延',
        version: issued.version,
      },
    );
    expect(appealed.status).toBe(200);
    const revoked = await call(url, 'POST', `/api/v1/notices/${issued.id}/decision`, SUPERVISOR, {
      decision: 'revoke',
      reason: '申诉成立',
      version: noticeItem.parse(appealed.body).version,
    });
    expect(revoked.status).toBe(200);
    expect(noticeItem.parse(revoked.body).state).toBe('revoked');

    const after = await figures(dept, flag.code);
    expect(after.rows.some((r) => r.caseId === caseId && r.code === flag.code)).toBe(false);
    expect(after.rows.length).toBe(before.rows.length - 1);
    expect(after.ruleCount).toBe(before.ruleCount - 1);
    expect(after.matrixCount).toBe(before.matrixCount - 1);
    expect(after.overviewFlags).toBe(before.overviewFlags - 1);
    expect(after.rankingFlags).toBe(before.rankingFlags - 1);
    // 已撤销 on request: listed (tagged), in scope only.
    const only = (await get(`/api/v1/slow-action?period=${Q}&revoked=only`)) as {
      items: { caseId: string | null; code: string; revoked?: boolean }[];
    };
    expect(only.items.map((r) => [r.caseId, r.code, r.revoked])).toEqual([
      [caseId, flag.code, true],
    ]);
    const otherDept = after.rows.find((r) => r.departmentId !== dept)?.departmentId ?? 'D01';
    const outside = await call(
      url,
      'GET',
      `/api/v1/slow-action?period=${Q}&revoked=only`,
      liaisonOf(otherDept),
    );
    expect(outside.body).toMatchObject({ items: [] });
    // A revoked flag is not raised any more: it cannot be issued again.
    expect((await call(url, 'POST', '/api/v1/notices', SUPERVISOR, body)).status).toBe(409);
    console.log(
      `flag notice ${Q}: ${caseId} ${flag.code} (${dept}); rule count ${before.ruleCount} → ${after.ruleCount}, department flags ${before.overviewFlags} → ${after.overviewFlags}, ranking ${flag.code} ${before.rankingFlags} → ${after.rankingFlags}`,
    );
  }, 120_000);
});
