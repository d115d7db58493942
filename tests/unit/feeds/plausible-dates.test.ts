import { describe, expect, it } from 'vitest';
import { parseCaseFile } from '../../../src/feeds/case-file';
import { parseCaseRecord } from '../../../src/feeds/case-record';
import { dateBoundsBetween, defaultDateBounds } from '../../../src/feeds/date-bounds';
import { parseRecords, type RecordOutcome } from '../../../src/feeds/result';
import { parseCase } from '../../../src/feeds/schemas/case';
import { parseCaseEvent } from '../../../src/feeds/schemas/case-event';
import { parseDepartment } from '../../../src/feeds/schemas/department';
import { parseEvaluation } from '../../../src/feeds/schemas/evaluation';
import { parseServiceItem } from '../../../src/feeds/schemas/service-item';
import { parseSupervisionTask } from '../../../src/feeds/schemas/supervision-task';

// "Now" fixed at 2026-09-30 12:00 Shanghai: the window is 2000-01-01 … 2027-10-01 (366 days on).
const NOW = Date.parse('2026-09-30T12:00:00+08:00');
const B = defaultDateBounds(NOW);
const WINDOW = '2000-01-01 至 2027-10-01';

const core = {
  id: 'C1',
  departmentId: 'D1',
  acceptedAt: '2026-03-02T09:30:00+08:00',
  committedLimitDays: 5,
  statutoryLimitDays: 20,
  completedAt: null,
  suspensions: [],
  dueAt: null,
};
const feedCase = {
  ...core,
  itemCode: 'XK-1',
  channel: '窗口',
  status: '在办',
  updatedAt: '2026-03-02T09:30:00+08:00',
};

function reason<T>(o: RecordOutcome<T>): string {
  if (o.ok) throw new Error('expected a rejection');
  return o.reason;
}

describe('plausible date window (#18.5)', () => {
  it('defaults to 2000-01-01 00:00 Shanghai … the end of the Shanghai day a year (366 days) on', () => {
    expect(B.fromMs).toBe(Date.parse('2000-01-01T00:00:00+08:00'));
    expect(B.toMs).toBe(Date.parse('2027-10-01T23:59:59.999+08:00'));
    expect(dateBoundsBetween('2000-01-01', '2027-10-01')).toEqual(B);
  });

  it.each([
    ['1900-01-01', "'1900-01-01'"],
    ['1999-12-31T23:59:59+08:00', "'1999-12-31T23:59:59+08:00'"],
    ['9999-12-31', "'9999-12-31'"],
  ])('rejects a case accepted at %s with a reason naming the field and the window', (at, shown) => {
    expect(reason(parseCaseRecord({ ...core, acceptedAt: at }, undefined, B))).toBe(
      `受理时间不在合理范围（${WINDOW}）内 (acceptedAt ${shown} is outside the plausible range 2000-01-01 … 2027-10-01)`,
    );
  });

  it('the window is in Shanghai time: 1999-12-31T16:00Z is 2000-01-01 00:00 and accepted', () => {
    expect(parseCaseRecord({ ...core, acceptedAt: '1999-12-31T16:00:00Z' }, undefined, B).ok).toBe(
      true,
    );
    expect(
      parseCaseRecord({ ...core, acceptedAt: '1999-12-31T15:59:59.999Z' }, undefined, B).ok,
    ).toBe(false);
  });

  it('rejects a completion years after now, accepts one on the last plausible day', () => {
    expect(
      reason(parseCaseRecord({ ...core, completedAt: '2031-05-06T10:00' }, undefined, B)),
    ).toMatch(/^办结时间不在合理范围（2000-01-01 至 2027-10-01）内 \(completedAt /);
    expect(
      parseCaseRecord({ ...core, completedAt: '2027-10-01T23:59:59+08:00' }, undefined, B).ok,
    ).toBe(true);
    expect(
      parseCaseRecord({ ...core, completedAt: '2027-10-02T00:00:00+08:00' }, undefined, B).ok,
    ).toBe(false);
  });

  it('checks dueAt and every suspension time too', () => {
    expect(reason(parseCaseRecord({ ...core, dueAt: '9999-12-31' }, undefined, B))).toMatch(
      /^办理期限不在合理范围/,
    );
    const sus = [{ kind: '补正', startAt: '2026-03-03T09:00', endAt: '9999-01-01T00:00' }];
    expect(reason(parseCaseRecord({ ...core, suspensions: sus }, undefined, B))).toMatch(
      /^第 1 条暂停结束时间不在合理范围.*\(suspensions\[0\]\.endAt /,
    );
  });

  it('uses the current time when no bounds are given (validators run without an as-of)', () => {
    const now = Date.now();
    const twoYears = new Date(now + 2 * 366 * 86_400_000).toISOString();
    const lastWeek = new Date(now - 7 * 86_400_000).toISOString();
    expect(reason(parseCase({ ...feedCase, status: '办结', completedAt: twoYears }))).toMatch(
      /^办结时间不在合理范围/,
    );
    expect(parseCase({ ...feedCase, status: '办结', completedAt: lastWeek }).ok).toBe(true);
    expect(reason(parseCase({ ...feedCase, acceptedAt: '1999-06-01T09:00' }))).toMatch(
      /^受理时间不在合理范围（2000-01-01 至 /,
    );
  });

  it('every feed schema checks its dates, and one bad record does not sink the others', () => {
    const ev = {
      id: 'PJ1',
      caseId: 'C1',
      level: 2,
      at: '2026-03-03T10:00:00+08:00',
      channel: '短信',
      rectifiedAt: null,
      updatedAt: '2026-03-03T10:00:00+08:00',
    };
    expect(reason(parseEvaluation({ ...ev, at: '1999-06-01T10:00:00+08:00' }, B))).toMatch(
      /^评价时间不在合理范围（2000-01-01 至 2027-10-01）内 \(at "1999-06-01T10:00:00\+08:00" is outside/,
    );
    expect(reason(parseEvaluation({ ...ev, rectifiedAt: '2030-01-01T00:00:00+08:00' }, B))).toMatch(
      /^整改反馈时间不在合理范围/,
    );
    const step = {
      id: 'S1',
      caseId: 'C1',
      step: '受理',
      departmentId: 'D1',
      handler: '王芳',
      enteredAt: '9999-12-31T00:00:00+08:00',
      leftAt: null,
      updatedAt: '2026-03-03T10:00:00+08:00',
    };
    expect(reason(parseCaseEvent(step, B))).toMatch(/^进入环节时间不在合理范围/);
    expect(
      reason(
        parseDepartment(
          { id: 'D1', name: '甲局', kind: '市直部门', updatedAt: '1970-01-01T08:00:00+08:00' },
          B,
        ),
      ),
    ).toMatch(/^更新时间不在合理范围/);
    expect(
      reason(
        parseServiceItem(
          {
            code: 'X',
            name: '许可',
            departmentId: 'D1',
            statutoryLimitDays: 20,
            committedLimitDays: 5,
            kind: '行政许可',
            updatedAt: '3000-01-01T00:00:00+08:00',
          },
          B,
        ),
      ),
    ).toMatch(/^更新时间不在合理范围/);
    const task = {
      id: 'T1',
      source: '领导批示',
      title: '整改',
      leadDepartmentId: 'D1',
      coDepartmentIds: [],
      assignedAt: '2026-03-02T09:00:00+08:00',
      deadline: '2026-06-30',
      milestones: [{ name: '方案', due: '2026-04-30', doneAt: null }],
      status: '在办',
      updatedAt: '2026-03-02T09:00:00+08:00',
    };
    expect(parseSupervisionTask(task, B).ok).toBe(true);
    expect(reason(parseSupervisionTask({ ...task, deadline: '9999-12-31' }, B))).toBe(
      `办理期限不在合理范围（${WINDOW}）内 (deadline "9999-12-31" is outside the plausible range 2000-01-01 … 2027-10-01)`,
    );
    expect(
      reason(
        parseSupervisionTask(
          { ...task, milestones: [{ name: '方案', due: '1900-01-01', doneAt: null }] },
          B,
        ),
      ),
    ).toMatch(/^第 1 个节点：节点期限不在合理范围/);

    const page = parseRecords('evaluations', [ev, { ...ev, id: 'PJ2', at: '1900-01-01' }], (r) =>
      parseEvaluation(r, B),
    );
    expect(page.accepted.map((e) => e.id)).toEqual(['PJ1']);
    expect(page.rejected.map((r) => [r.id, r.reason.slice(0, 11)])).toEqual([
      ['PJ2', '评价时间不在合理范围（'],
    ]);
  });
});

describe('ids are kept exactly as sent', () => {
  it('never trims: "\\t=1+1", "=1+1" and " C2 " are three different, accepted ids', () => {
    for (const id of ['\t=1+1', '=1+1', ' C2 ']) {
      const r = parseCaseRecord({ ...core, id }, undefined, B);
      expect(r.ok && r.value.id).toBe(id);
      const c = parseCase({ ...feedCase, id }, B);
      expect(c.ok && c.value.id).toBe(id);
    }
    const e = parseEvaluation(
      {
        id: '\t=1+1',
        caseId: ' C2 ',
        level: 5,
        at: '2026-03-03T10:00:00+08:00',
        channel: '短信',
        rectifiedAt: null,
        updatedAt: '2026-03-03T10:00:00+08:00',
      },
      B,
    );
    expect(e.ok && [e.value.id, e.value.caseId]).toEqual(['\t=1+1', ' C2 ']);
  });

  it('so they are not duplicates of each other in a file', () => {
    const rows = ['\t=1+1', '=1+1'].map((id) => JSON.stringify({ ...core, id })).join('\n');
    const r = parseCaseFile(rows, 'ndjson');
    expect(r.cases.map((c) => c.value.id)).toEqual(['\t=1+1', '=1+1']);
    expect(r.rejected).toEqual([]);
  });

  it('a blank id is still refused with a reason', () => {
    expect(reason(parseCaseRecord({ ...core, id: ' \t ' }, undefined, B))).toBe(
      '缺少办件编号 (id missing)',
    );
  });
});
