import { describe, expect, it } from 'vitest';
import { stallRule, stallThreshold } from '../../../src/domain/slow-action';
import { evaluateCase } from '../../../src/domain/time-limit';
import { at, cal, day, find, get, mkCase, mkSteps, run, th } from './helpers';

// Calendar facts used below (src/domain/calendar/holiday-cn/2025.json):
//   2025-09-27 Sat off, 2025-09-28 Sun 调休 (working), 2025-09-29 Mon, 2025-09-30 Tue,
//   2025-10-01 … 2025-10-08 国庆节、中秋节 (off), 2025-10-09 Thu, 2025-10-10 Fri,
//   2025-10-11 Sat 调休 (working), 2025-10-12 Sun off, 2025-10-13 Mon.

describe('滞留 (stall)', () => {
  // Last movement: 审核 entered 2025-09-30 15:00. Working days strictly after 09-30:
  //   10-01 … 10-08 holiday (0), 10-09 = 1, 10-10 = 2, 10-11 (Sat 调休) = 3, 10-13 = 4.
  const c = mkCase({ acceptedAt: '2025-09-22 09:00', committed: 20 });
  const steps = mkSteps(
    ['受理', '2025-09-22 09:00', '2025-09-23 10:00'],
    ['审查', '2025-09-23 10:00', '2025-09-30 15:00'],
    ['审核', '2025-09-30 15:00'],
  );

  it('is not flagged two working days after the movement, across the National Day holiday', () => {
    // Ten calendar days later but only two working days.
    expect(find(run(c, steps, '2025-10-10 17:00').flags, 'stall')).toBeUndefined();
  });

  it('is flagged on the third working day, the 调休 Saturday 2025-10-11', () => {
    const f = get(run(c, steps, '2025-10-11 09:00').flags, 'stall');
    expect(f.sinceDay).toBe(day('2025-10-11'));
    expect(f.caseId).toBe('c1');
    expect(f.departmentId).toBe('d1');
    expect(f.rule).toBe('滞留');
    expect(f.explanation).toBe(
      '审核环节自 2025-09-30（进入审核环节）起已停留 3 个工作日无流转（阈值 3 个工作日）。',
    );
    expect(f.evidence).toMatchObject({
      step: '审核',
      stepEnteredDay: '2025-09-30',
      lastMovement: 'step-entered',
      lastMovementDay: '2025-09-30',
      idleDays: 3,
      suspendedDays: 0,
      threshold: 3,
      committedLimitDays: 20,
      asOfDay: '2025-10-11',
    });
  });

  it('keeps counting on the following Monday and keeps the day it was first earned', () => {
    const f = get(run(c, steps, '2025-10-13 10:00').flags, 'stall');
    expect(f.evidence['idleDays']).toBe(4);
    expect(f.sinceDay).toBe(day('2025-10-11'));
  });

  it('a higher stallDays setting changes the outcome', () => {
    expect(
      find(run(c, steps, '2025-10-11 09:00', th({ stallDays: 4 })).flags, 'stall'),
    ).toBeUndefined();
    const f = get(run(c, steps, '2025-10-13 09:00', th({ stallDays: 4 })).flags, 'stall');
    expect(f.sinceDay).toBe(day('2025-10-13'));
    expect(f.explanation).toContain('阈值 4 个工作日');
  });

  it('ignores movements after the as-of instant (a step left later is still current)', () => {
    const later = mkSteps(
      ['受理', '2025-09-22 09:00', '2025-09-23 10:00'],
      ['审查', '2025-09-23 10:00', '2025-09-30 15:00'],
      ['审核', '2025-09-30 15:00', '2025-10-12 09:00'],
      ['审批', '2025-10-12 09:00'],
    );
    const f = get(run(c, later, '2025-10-11 09:00').flags, 'stall');
    expect(f.evidence['step']).toBe('审核');
    expect(find(run(c, later, '2025-10-13 09:00').flags, 'stall')).toBeUndefined();
  });

  it('counts the 调休 Sunday 2025-09-28 as a working day', () => {
    // 审查 entered Fri 09-26: 09-27 Sat off, 09-28 Sun 调休 = 1, 09-29 = 2, 09-30 = 3.
    const s = mkSteps(
      ['受理', '2025-09-25 09:00', '2025-09-26 10:00'],
      ['审查', '2025-09-26 10:00'],
    );
    const c2 = mkCase({ acceptedAt: '2025-09-25 09:00' });
    expect(find(run(c2, s, '2025-09-29 18:00').flags, 'stall')).toBeUndefined();
    expect(get(run(c2, s, '2025-09-30 08:00').flags, 'stall').sinceDay).toBe(day('2025-09-30'));
  });

  it('uses 50% of a short committed limit when smaller than stallDays', () => {
    // committed 4 → ⌈0.5 × 4⌉ = 2. 审查 entered Mon 2025-09-01: 09-02 = 1, 09-03 = 2.
    const c4 = mkCase({ acceptedAt: '2025-09-01 09:00', committed: 4 });
    const s = mkSteps(['审查', '2025-09-01 10:00']);
    expect(find(run(c4, s, '2025-09-02 17:00').flags, 'stall')).toBeUndefined();
    const f = get(run(c4, s, '2025-09-03 09:00').flags, 'stall');
    expect(f.evidence['threshold']).toBe(2);
    expect(f.explanation).toContain('阈值 2 个工作日，即承诺时限 4 个工作日的 50%');
    // committed 5 → ⌈2.5⌉ = 3: not yet on 09-03.
    const c5 = mkCase({ acceptedAt: '2025-09-01 09:00', committed: 5 });
    expect(find(run(c5, s, '2025-09-03 09:00').flags, 'stall')).toBeUndefined();
  });

  it('computes the threshold with the minimum of 1 and without floating-point noise', () => {
    expect(stallThreshold(20)).toBe(3);
    expect(stallThreshold(4)).toBe(2);
    expect(stallThreshold(5)).toBe(3);
    expect(stallThreshold(1)).toBe(1);
    expect(stallThreshold(0)).toBe(1); // 即办件
    expect(stallThreshold(null)).toBe(3); // dueAt case: stallDays alone
    // 0.3 × 10 is 3.0000000000000004 in binary floating point; the threshold is still 3.
    expect(stallThreshold(10, th({ stallDays: 5, stallShareOfCommitted: 0.3 }))).toBe(3);
    expect(stallThreshold(10, th({ stallDays: 0 }))).toBe(1);
  });

  it('flags a 即办件 after one idle working day', () => {
    const c0 = mkCase({ acceptedAt: '2025-09-01 09:00', committed: 0 });
    const s = mkSteps(['审查', '2025-09-01 10:00']);
    expect(find(run(c0, s, '2025-09-01 18:00').flags, 'stall')).toBeUndefined();
    const f = get(run(c0, s, '2025-09-02 09:00').flags, 'stall');
    expect(f.evidence['threshold']).toBe(1);
    expect(f.explanation).toContain('（阈值 1 个工作日，最低值）');
  });

  it('uses stallDays for a dueAt case', () => {
    const cd = mkCase({
      acceptedAt: '2025-09-01 09:00',
      committed: null,
      dueAt: '2025-09-30 17:00',
    });
    const s = mkSteps(['审查', '2025-09-01 10:00']);
    expect(find(run(cd, s, '2025-09-03 09:00').flags, 'stall')).toBeUndefined();
    expect(get(run(cd, s, '2025-09-04 09:00').flags, 'stall').evidence['threshold']).toBe(3);
  });

  it('does not count days the clock was suspended, and a suspension start is a movement', () => {
    // 补正 from Tue 09-02 to Mon 09-15: the last movement is 09-02. After it, 09-03 … 09-12 are
    // suspended (8 working days: 03 04 05 08 09 10 11 12), 09-15 runs again = 1, 09-16 = 2, 09-17 = 3.
    const cs = mkCase({
      acceptedAt: '2025-09-01 09:00',
      suspensions: [{ startAt: '2025-09-02 09:00', endAt: '2025-09-15 09:00' }],
    });
    const s = mkSteps(['审查', '2025-09-01 10:00']);
    expect(find(run(cs, s, '2025-09-12 09:00').flags, 'stall')).toBeUndefined(); // waiting for the applicant
    expect(find(run(cs, s, '2025-09-16 18:00').flags, 'stall')).toBeUndefined();
    const f = get(run(cs, s, '2025-09-17 09:00').flags, 'stall');
    expect(f.sinceDay).toBe(day('2025-09-17'));
    expect(f.evidence).toMatchObject({
      lastMovement: 'suspension-started',
      idleDays: 3,
      suspendedDays: 8,
    });
    expect(f.explanation).toBe(
      '审查环节自 2025-09-02（开始补正暂停计时）起已停留 3 个工作日无流转（阈值 3 个工作日），其间暂停计时的 8 个工作日未计入。',
    );
  });

  it('counts days beyond a suspension’s 申请天数 as idle again', () => {
    // 专家评审 from Tue 09-02, 申请 2 days (09-02, 09-03), still open: from 09-04 the clock runs.
    // After the movement day 09-02: 09-03 suspended, 09-04 = 1, 09-05 = 2, 09-08 = 3.
    const cs = mkCase({
      acceptedAt: '2025-09-01 09:00',
      suspensions: [{ kind: '专家评审', startAt: '2025-09-02 09:00', approvedDays: 2 }],
    });
    const s = mkSteps(['审查', '2025-09-01 10:00']);
    expect(find(run(cs, s, '2025-09-05 09:00').flags, 'stall')).toBeUndefined();
    const { flags } = run(cs, s, '2025-09-08 09:00');
    expect(get(flags, 'stall').sinceDay).toBe(day('2025-09-08'));
    expect(get(flags, 'suspension-overrun')).toBeDefined();
  });

  it('measures from acceptance when there is no step at all', () => {
    // Accepted Mon 09-01: 09-02 = 1, 09-03 = 2, 09-04 = 3.
    const c0 = mkCase({ acceptedAt: '2025-09-01 10:00' });
    expect(find(run(c0, [], '2025-09-03 09:00').flags, 'stall')).toBeUndefined();
    const f = get(run(c0, [], '2025-09-04 09:00').flags, 'stall');
    expect(f.evidence).toMatchObject({
      step: '受理',
      lastMovement: 'accepted',
      lastMovementDay: '2025-09-01',
    });
    expect(f.explanation).toContain('受理环节自 2025-09-01（受理）起已停留 3 个工作日');
  });

  it('names no step when every step has been left', () => {
    const c0 = mkCase({ acceptedAt: '2025-09-01 10:00' });
    const s = mkSteps(['审查', '2025-09-01 10:00', '2025-09-02 10:00']);
    const f = get(run(c0, s, '2025-09-05 09:00').flags, 'stall');
    expect(f.evidence).toMatchObject({ step: null, lastMovement: 'step-left', idleDays: 3 });
    expect(f.explanation).toContain('办件自 2025-09-02（审查环节转出）起');
  });

  it('stays silent when the flow is unknown (steps = null)', () => {
    const c0 = mkCase({ acceptedAt: '2025-09-01 10:00' });
    expect(find(run(c0, null, '2025-09-30 09:00').flags, 'stall')).toBeUndefined();
  });

  it('never flags a completed case, nor one accepted after the as-of instant', () => {
    const done = mkCase({ acceptedAt: '2025-09-01 10:00', completedAt: '2025-09-20 10:00' });
    expect(find(run(done, [], '2025-09-30 09:00').flags, 'stall')).toBeUndefined();
    const future = mkCase({ acceptedAt: '2025-10-01 10:00' });
    const asOfMs = at('2025-09-30 09:00');
    expect(stallRule(future, evaluateCase(future, asOfMs, cal), [], asOfMs, cal)).toBeNull();
    expect(run(future, [], '2025-09-30 09:00').flags).toEqual([]);
  });
});
