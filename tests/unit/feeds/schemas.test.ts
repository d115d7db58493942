import { describe, expect, it } from 'vitest';
import { dayFromIso } from '../../../src/domain/calendar/day';
import { parseCase } from '../../../src/feeds/schemas/case';
import { parseCaseEvent } from '../../../src/feeds/schemas/case-event';
import { parseDepartment } from '../../../src/feeds/schemas/department';
import { parseFeedErrorBody } from '../../../src/feeds/schemas/error-body';
import { parseEvaluation } from '../../../src/feeds/schemas/evaluation';
import { parseServiceItem } from '../../../src/feeds/schemas/service-item';
import { parseSupervisionTask } from '../../../src/feeds/schemas/supervision-task';
import type { RecordOutcome } from '../../../src/feeds/result';

const T = '2026-03-02T09:30:00+08:00';
const T_MS = Date.UTC(2026, 2, 2, 1, 30);

function reasonOf<T>(outcome: RecordOutcome<T>): string {
  if (outcome.ok) throw new Error('expected a rejection');
  return outcome.reason;
}

describe('department', () => {
  const good = { id: 'Z01', name: '湖滨街道', kind: '乡镇街道', parentId: 'X01', updatedAt: T };
  it('accepts a good record', () => {
    expect(parseDepartment(good)).toEqual({ ok: true, value: { ...good, updatedAt: T_MS } });
  });
  it('rejects an unknown kind, Chinese first', () => {
    const reason = reasonOf(parseDepartment({ ...good, kind: '国有企业' }));
    expect(reason).toMatch(
      /^部门类别必须是 市直部门、区县、乡镇街道 之一 \(kind must be one of .* got "国有企业"\)$/,
    );
  });
  it('rejects a missing name and keeps the id', () => {
    const { name: _name, ...rest } = good;
    expect(parseDepartment(rest)).toEqual({
      ok: false,
      reason: '缺少部门名称 (missing "name")',
      id: 'Z01',
    });
  });
});

describe('service item', () => {
  const good = {
    code: 'XK-D21-001',
    name: '食品经营许可',
    departmentId: 'D21',
    statutoryLimitDays: 20,
    committedLimitDays: 5,
    kind: '行政许可',
    updatedAt: T,
  };
  it('accepts a good record and a 即办件', () => {
    expect(parseServiceItem(good).ok).toBe(true);
    expect(parseServiceItem({ ...good, committedLimitDays: 0 }).ok).toBe(true);
  });
  it('rejects a committed limit longer than the statutory one', () => {
    expect(reasonOf(parseServiceItem({ ...good, committedLimitDays: 25 }))).toBe(
      '承诺时限 25 个工作日超过法定时限 20 个工作日 (committedLimitDays 25 exceeds statutoryLimitDays 20)',
    );
  });
  it('rejects a fractional limit', () => {
    expect(reasonOf(parseServiceItem({ ...good, statutoryLimitDays: 2.5 }))).toContain(
      'statutoryLimitDays must be an integer',
    );
  });
});

describe('case event', () => {
  const good = {
    id: 'C1-1',
    caseId: 'C1',
    step: '受理',
    departmentId: 'D21',
    handler: '王芳',
    enteredAt: T,
    leftAt: null,
    updatedAt: T,
  };
  it('accepts an open step and an unknown step name', () => {
    expect(parseCaseEvent(good)).toEqual({
      ok: true,
      value: { ...good, enteredAt: T_MS, updatedAt: T_MS },
    });
    expect(parseCaseEvent({ ...good, step: '制证' }).ok).toBe(true);
  });
  it('rejects leaving before entering', () => {
    expect(reasonOf(parseCaseEvent({ ...good, leftAt: '2026-03-01T09:00:00+08:00' }))).toBe(
      '离开环节时间早于进入环节时间 (leftAt is before enteredAt)',
    );
  });
  it('rejects an impossible date', () => {
    expect(reasonOf(parseCaseEvent({ ...good, enteredAt: '2026-02-30T09:00:00+08:00' }))).toContain(
      '进入环节时间不是有效的时间',
    );
  });
});

describe('evaluation', () => {
  const good = {
    id: 'PJ1',
    caseId: 'C1',
    level: 1,
    at: T,
    channel: '短信',
    rectifiedAt: T,
    updatedAt: T,
  };
  it('accepts a rectified 差评', () => {
    expect(parseEvaluation(good)).toMatchObject({
      ok: true,
      value: { level: 1, rectifiedAt: T_MS },
    });
  });
  it('rejects level 7 with the documented reason', () => {
    expect(reasonOf(parseEvaluation({ ...good, level: 7 }))).toBe(
      '评价等级必须是 1–5 的整数 (level must be an integer 1–5, got 7)',
    );
  });
  it('rejects a rectification time on a good review', () => {
    expect(reasonOf(parseEvaluation({ ...good, level: 5 }))).toContain(
      '只有差评（1–2 级）才有整改反馈时间',
    );
  });
});

describe('supervision task', () => {
  const good = {
    id: 'DC1',
    source: '人大代表建议',
    title: '关于老旧小区改造的建议（第12号）',
    leadDepartmentId: 'D12',
    coDepartmentIds: ['D10'],
    assignedAt: T,
    deadline: null,
    complex: true,
    milestones: [{ name: '正式答复', due: '2026-06-02', doneAt: null }],
    status: '在办',
    progressNote: '正在拟定答复意见',
    updatedAt: T,
  };
  it('accepts a 建议 without a deadline', () => {
    const outcome = parseSupervisionTask(good);
    expect(outcome).toMatchObject({
      ok: true,
      value: {
        deadline: null,
        complex: true,
        outcome: null,
        milestones: [{ due: dayFromIso('2026-06-02') }],
      },
    });
  });
  it('requires a deadline for other sources', () => {
    expect(reasonOf(parseSupervisionTask({ ...good, source: '领导批示' }))).toContain(
      '领导批示必须有办理期限',
    );
  });
  it('names the bad milestone', () => {
    const bad = {
      ...good,
      milestones: [...good.milestones, { name: '回访', due: '6月1日', doneAt: null }],
    };
    expect(reasonOf(parseSupervisionTask(bad))).toMatch(/^第 2 个节点：节点期限不是有效的日期/);
  });
  it('rejects an unknown outcome code', () => {
    expect(reasonOf(parseSupervisionTask({ ...good, outcome: 'E' }))).toContain(
      'outcome must be one of A, B, C, D',
    );
  });
});

describe('case', () => {
  const good = {
    id: 'YZ1',
    departmentId: 'D21',
    itemCode: 'XK-D21-001',
    channel: '网上',
    status: '办结',
    acceptedAt: T,
    committedLimitDays: 5,
    statutoryLimitDays: 20,
    completedAt: '2026-03-05T16:00:00+08:00',
    suspensions: [
      { kind: '补正', startAt: '2026-03-03T10:00:00+08:00', endAt: '2026-03-04T10:00:00+08:00' },
    ],
    result: '准予许可',
    updatedAt: '2026-03-05T16:00:00+08:00',
  };
  it('accepts a good record: core fields from parseCaseRecord plus the feed fields', () => {
    const outcome = parseCase(good);
    expect(outcome).toMatchObject({
      ok: true,
      value: {
        id: 'YZ1',
        acceptedAt: T_MS,
        committedLimitDays: 5,
        suspensions: [{ kind: '补正', approvedDays: null }],
        dueAt: null,
        itemCode: 'XK-D21-001',
        channel: '网上',
        status: '办结',
        result: '准予许可',
      },
    });
  });
  it('passes on the core parser’s reasons', () => {
    expect(parseCase({ ...good, acceptedAt: undefined })).toEqual({
      ok: false,
      reason: '缺少受理时间 (acceptedAt missing)',
      id: 'YZ1',
    });
  });
  it('rejects an unknown channel', () => {
    expect(reasonOf(parseCase({ ...good, channel: '传真' }))).toBe(
      '申办渠道必须是 窗口、网上 之一 (channel must be one of 窗口, 网上, got "传真")',
    );
  });
  it('rejects a status that contradicts completedAt', () => {
    expect(reasonOf(parseCase({ ...good, status: '在办' }))).toContain('状态为在办但有办结时间');
    expect(reasonOf(parseCase({ ...good, completedAt: null }))).toContain(
      '状态为办结但缺少办结时间',
    );
  });
});

describe('error body', () => {
  it('reads the documented shape and nothing else', () => {
    expect(parseFeedErrorBody({ error: { code: 'unauthorized', message: '登录已过期' } })).toEqual({
      code: 'unauthorized',
      message: '登录已过期',
    });
    expect(parseFeedErrorBody('<html>')).toBeNull();
    expect(parseFeedErrorBody({ error: 'x' })).toBeNull();
  });
});
