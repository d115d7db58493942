import { describe, expect, it } from 'vitest';
import { find, get, mkCase, run, th, day } from './helpers';

describe('多次补正 (repeated correction)', () => {
  it('is not flagged for one 补正 and one 听证', () => {
    const c = mkCase({
      acceptedAt: '2025-09-01 09:00',
      suspensions: [
        { kind: '补正', startAt: '2025-09-02 09:00', endAt: '2025-09-05 09:00' },
        { kind: '听证', startAt: '2025-09-10 09:00', endAt: '2025-09-12 09:00' },
      ],
    });
    expect(find(run(c, [], '2025-09-15 09:00').flags, 'repeated-correction')).toBeUndefined();
  });

  // Listed out of order on purpose: the second notice (by date) earns the flag.
  const two = mkCase({
    acceptedAt: '2025-09-01 09:00',
    suspensions: [
      { kind: '补正', startAt: '2025-09-16 09:00', endAt: '2025-09-18 09:00' },
      { kind: '补正', startAt: '2025-09-02 09:00', endAt: '2025-09-05 09:00' },
    ],
  });

  it('is flagged for a second 补正, from the day it started', () => {
    const f = get(run(two, [], '2025-09-20 09:00').flags, 'repeated-correction');
    expect(f.rule).toBe('多次补正');
    expect(f.sinceDay).toBe(day('2025-09-16'));
    expect(f.explanation).toBe(
      '共要求申请人补正 2 次（2025-09-02、2025-09-16），超过 1 次，未做到一次性告知。',
    );
    expect(f.evidence).toEqual({
      corrections: 2,
      threshold: 1,
      firstCorrectionDay: '2025-09-02',
      flaggedCorrectionDay: '2025-09-16',
      correctionDays: '2025-09-02,2025-09-16',
    });
  });

  it('does not know about a 补正 that starts after the as-of instant', () => {
    expect(find(run(two, [], '2025-09-15 09:00').flags, 'repeated-correction')).toBeUndefined();
  });

  it('follows maxCorrections', () => {
    expect(
      find(
        run(two, [], '2025-09-20 09:00', th({ maxCorrections: 2 })).flags,
        'repeated-correction',
      ),
    ).toBeUndefined();
    const one = mkCase({
      acceptedAt: '2025-09-01 09:00',
      suspensions: [{ kind: '补正', startAt: '2025-09-02 09:00', endAt: '2025-09-05 09:00' }],
    });
    const f = get(
      run(one, [], '2025-09-20 09:00', th({ maxCorrections: 0 })).flags,
      'repeated-correction',
    );
    expect(f.sinceDay).toBe(day('2025-09-02'));
  });

  it('counts a 补正 issued before acceptance and applies to completed cases', () => {
    const c = mkCase({
      acceptedAt: '2025-09-03 09:00',
      completedAt: '2025-09-20 09:00',
      suspensions: [
        { kind: '补正', startAt: '2025-09-01 09:00', endAt: '2025-09-02 09:00' },
        { kind: '补正', startAt: '2025-09-10 09:00', endAt: '2025-09-11 09:00' },
      ],
    });
    expect(
      get(run(c, [], '2025-10-01 09:00').flags, 'repeated-correction').evidence['corrections'],
    ).toBe(2);
  });
});

describe('暂停过长 (overlong suspension)', () => {
  // Accepted Mon 2025-09-01, committed 5. 专家评审 from Tue 09-02: the start day is suspended, the
  // end day runs again. Ending 09-09 suspends 09-02 03 04 05 08 = 5 working days (not > 5);
  // ending 09-10 adds 09-09 = 6.
  const mk = (endAt: string, committed: number | null = 5, dueAt: string | null = null) =>
    mkCase({
      acceptedAt: '2025-09-01 09:00',
      committed,
      dueAt,
      suspensions: [{ kind: '专家评审', startAt: '2025-09-02 09:00', endAt }],
    });

  it('is not flagged at exactly the committed limit', () => {
    const { ev, flags } = run(mk('2025-09-09 09:00'), [], '2025-09-20 09:00');
    expect(ev.suspendedDays).toBe(5);
    expect(find(flags, 'overlong-suspension')).toBeUndefined();
  });

  it('is flagged one day above it, from the day the limit was exceeded', () => {
    const { ev, flags } = run(mk('2025-09-10 09:00'), [], '2025-09-20 09:00');
    expect(ev.suspendedDays).toBe(6);
    const f = get(flags, 'overlong-suspension');
    expect(f.sinceDay).toBe(day('2025-09-09'));
    expect(f.explanation).toBe('累计暂停计时 6 个工作日，超过承诺时限 5 个工作日。');
    expect(f.evidence).toEqual({
      suspendedDays: 6,
      committedLimitDays: 5,
      factor: 1,
      allowedDays: 5,
      exceededOn: '2025-09-09',
    });
  });

  it('follows overlongSuspensionFactor', () => {
    const c = mk('2025-09-10 09:00');
    expect(
      find(
        run(c, [], '2025-09-20 09:00', th({ overlongSuspensionFactor: 2 })).flags,
        'overlong-suspension',
      ),
    ).toBeUndefined();
    expect(
      find(
        run(c, [], '2025-09-20 09:00', th({ overlongSuspensionFactor: 1.5 })).flags,
        'overlong-suspension',
      ),
    ).toBeUndefined(); // 6 ≤ 7.5
    const f = get(
      run(c, [], '2025-09-20 09:00', th({ overlongSuspensionFactor: 0.5 })).flags,
      'overlong-suspension',
    );
    // allowed 2.5: exceeded on the 3rd suspended working day, 09-04.
    expect(f.sinceDay).toBe(day('2025-09-04'));
    expect(f.explanation).toContain('承诺时限 5 个工作日的 0.5 倍（2.5 个工作日）');
  });

  it('counts working days only, across the National Day holiday', () => {
    // committed 3, suspended from Mon 09-29: 09-29, 09-30, (10-01 … 10-08 off), 10-09 = 3 when
    // ending 10-10 (not > 3); ending 10-11 adds Fri 10-10 = 4.
    const mkH = (endAt: string) =>
      mkCase({
        acceptedAt: '2025-09-26 09:00',
        committed: 3,
        suspensions: [{ kind: '检验检测检疫', startAt: '2025-09-29 09:00', endAt }],
      });
    expect(
      find(run(mkH('2025-10-10 09:00'), [], '2025-10-13 09:00').flags, 'overlong-suspension'),
    ).toBeUndefined();
    expect(
      get(run(mkH('2025-10-11 09:00'), [], '2025-10-13 09:00').flags, 'overlong-suspension')
        .sinceDay,
    ).toBe(day('2025-10-10'));
  });

  it('flags any suspension of a 即办件 and skips dueAt cases', () => {
    const c0 = mkCase({
      acceptedAt: '2025-09-01 09:00',
      committed: 0,
      suspensions: [{ kind: '现场勘查', startAt: '2025-09-02 09:00', endAt: '2025-09-03 09:00' }],
    });
    expect(
      get(run(c0, [], '2025-09-05 09:00').flags, 'overlong-suspension').evidence['suspendedDays'],
    ).toBe(1);
    expect(
      find(
        run(mk('2025-09-30 09:00', null, '2025-10-31 17:00'), [], '2025-10-01 09:00').flags,
        'overlong-suspension',
      ),
    ).toBeUndefined();
  });
});

describe('暂停超申请天数 (suspension overrun)', () => {
  it('is flagged from the first working day beyond 申请天数', () => {
    // 申请 3 days from Tue 09-02: 09-02, 09-03, 09-04. Ending 09-10: 09-05, 09-08, 09-09 overrun.
    const c = mkCase({
      acceptedAt: '2025-09-01 09:00',
      suspensions: [
        { kind: '鉴定', startAt: '2025-09-02 09:00', endAt: '2025-09-10 09:00', approvedDays: 3 },
      ],
    });
    const { ev, flags } = run(c, [], '2025-09-12 09:00');
    expect(ev.suspensionOverrunDays).toBe(3);
    const f = get(flags, 'suspension-overrun');
    expect(f.rule).toBe('暂停超申请天数');
    expect(f.sinceDay).toBe(day('2025-09-05'));
    expect(f.explanation).toBe(
      '鉴定暂停计时（2025-09-02 起，申请 3 个工作日）超出申请天数 3 个工作日，超出部分已重新计入办理时限。',
    );
    expect(f.evidence).toMatchObject({
      overrunDays: 3,
      suspensionsOverrun: 1,
      kind: '鉴定',
      suspensionStartDay: '2025-09-02',
      approvedDays: 3,
      firstOverrunDay: '2025-09-05',
      recomputedOverrunDays: 3,
    });
  });

  it('counts across the National Day holiday', () => {
    // 申请 2 days from Mon 09-29: 09-29, 09-30. Ending Mon 10-13: 10-09, 10-10, 10-11 (调休) overrun.
    const c = mkCase({
      acceptedAt: '2025-09-26 09:00',
      suspensions: [
        { kind: '鉴定', startAt: '2025-09-29 09:00', endAt: '2025-10-13 09:00', approvedDays: 2 },
      ],
    });
    const f = get(run(c, [], '2025-10-14 09:00').flags, 'suspension-overrun');
    expect(f.evidence['overrunDays']).toBe(3);
    expect(f.sinceDay).toBe(day('2025-10-09'));
  });

  it('is not flagged within 申请天数', () => {
    const c = mkCase({
      acceptedAt: '2025-09-01 09:00',
      suspensions: [
        { kind: '鉴定', startAt: '2025-09-02 09:00', endAt: '2025-09-05 09:00', approvedDays: 3 },
      ],
    });
    expect(find(run(c, [], '2025-09-12 09:00').flags, 'suspension-overrun')).toBeUndefined();
  });

  it('never dates the overrun before acceptance (suspension started the day before)', () => {
    // Accepted Wed 2025-01-01 00:00 (元旦). 补正 from Tue 2024-12-31 23:59:59.999, 申请 0 days,
    // still open. Days before or on the acceptance day never count, so the overrun is Thu 01-02,
    // Fri 01-03 = 2 working days as of 01-03, first on 01-02 — not 12-31.
    const c = mkCase({
      acceptedAt: '2025-01-01T00:00:00+08:00',
      committed: 5,
      suspensions: [{ startAt: '2024-12-31T23:59:59.999+08:00', approvedDays: 0 }],
    });
    const atAcceptance = run(c, [], '2025-01-01T00:00:00+08:00');
    expect(atAcceptance.ev.suspensionOverrunDays).toBe(0);
    expect(find(atAcceptance.flags, 'suspension-overrun')).toBeUndefined();
    const { ev, flags } = run(c, [], '2025-01-03 12:00');
    expect(ev.suspensionOverrunDays).toBe(2);
    const f = get(flags, 'suspension-overrun');
    expect(f.sinceDay).toBe(day('2025-01-02'));
    expect(f.explanation).toBe(
      '补正暂停计时（2024-12-31 起，申请 0 个工作日）超出申请天数 2 个工作日，超出部分已重新计入办理时限。',
    );
    expect(f.evidence).toMatchObject({
      overrunDays: 2,
      suspensionsOverrun: 1,
      kind: '补正',
      suspensionStartDay: '2024-12-31',
      approvedDays: 0,
      firstOverrunDay: '2025-01-02',
      recomputedOverrunDays: 2,
    });
  });

  it('summarises several overrunning suspensions', () => {
    const c = mkCase({
      acceptedAt: '2025-09-01 09:00',
      suspensions: [
        { kind: '听证', startAt: '2025-09-15 09:00', endAt: '2025-09-18 09:00', approvedDays: 1 },
        { kind: '鉴定', startAt: '2025-09-02 09:00', endAt: '2025-09-05 09:00', approvedDays: 1 },
      ],
    });
    // 鉴定: 申请 09-02; overrun 09-03, 09-04. 听证: 申请 09-15; overrun 09-16, 09-17.
    const f = get(run(c, [], '2025-09-20 09:00').flags, 'suspension-overrun');
    expect(f.evidence).toMatchObject({ overrunDays: 4, suspensionsOverrun: 2, kind: '鉴定' });
    expect(f.sinceDay).toBe(day('2025-09-03'));
    expect(f.explanation).toContain('2 次暂停计时超出申请天数，共超出 4 个工作日');
  });
});
