import { describe, expect, it } from 'vitest';
import { day, find, get, mkCase, run, th } from './helpers';

// Accepted Wed 2025-09-24, committed 3: day 1 = Thu 09-25, day 2 = Fri 09-26, day 3 = Sun 09-28
// (调休) → due 2025-09-28. Days overdue: 09-29 = 1, 09-30 = 2, (10-01 … 10-08 off), 10-09 = 3,
// 10-10 = 4, Sat 10-11 (调休) = 5, Mon 10-13 = 6.
describe('超期未办结 (inaction, overdue)', () => {
  const c = mkCase({ acceptedAt: '2025-09-24 10:00', committed: 3 });

  it('is not flagged at exactly 5 working days overdue', () => {
    const { ev, flags } = run(c, [], '2025-10-11 18:00');
    expect(ev.committedDue).toBe(day('2025-09-28'));
    expect(ev.overdueDays).toBe(5);
    expect(find(flags, 'inaction-overdue')).toBeUndefined();
  });

  it('is flagged at 6, from the day the 6th overdue day began', () => {
    const f = get(run(c, [], '2025-10-13 09:00').flags, 'inaction-overdue');
    expect(f.rule).toBe('超期未办结');
    expect(f.sinceDay).toBe(day('2025-10-13'));
    expect(f.explanation).toBe(
      '承诺期限 2025-09-28 已过 6 个工作日仍未办结（阈值：超过 5 个工作日）。',
    );
    expect(f.evidence).toMatchObject({ committedDue: '2025-09-28', overdueDays: 6, threshold: 5 });
  });

  it('follows inactionOverdueDays', () => {
    expect(
      find(
        run(c, [], '2025-10-13 09:00', th({ inactionOverdueDays: 6 })).flags,
        'inaction-overdue',
      ),
    ).toBeUndefined();
    expect(
      get(run(c, [], '2025-10-11 09:00', th({ inactionOverdueDays: 4 })).flags, 'inaction-overdue')
        .sinceDay,
    ).toBe(day('2025-10-11'));
  });

  it('mentions the statutory deadline when that has passed too', () => {
    // statutory 5: day 4 = 09-29, day 5 = 09-30; past it on 10-09, 10-10, 10-11, 10-13 = 4.
    const cs = mkCase({ acceptedAt: '2025-09-24 10:00', committed: 3, statutory: 5 });
    const f = get(run(cs, [], '2025-10-13 09:00').flags, 'inaction-overdue');
    expect(f.explanation).toContain('已超过法定期限（2025-09-30）4 个工作日');
    expect(f.evidence).toMatchObject({ statutoryDue: '2025-09-30', statutoryOverdueDays: 4 });
  });

  it('does not count days suspended after the deadline', () => {
    // 听证 suspends Thu 10-09 and Fri 10-10. Counted after 09-28: 09-29 (1), 09-30 (2), 10-11 (3),
    // 10-13 (4), 10-14 (5), 10-15 (6).
    const cs = mkCase({
      acceptedAt: '2025-09-24 10:00',
      committed: 3,
      suspensions: [{ kind: '听证', startAt: '2025-10-09 09:00', endAt: '2025-10-11 09:00' }],
    });
    expect(find(run(cs, [], '2025-10-14 18:00').flags, 'inaction-overdue')).toBeUndefined();
    expect(get(run(cs, [], '2025-10-15 09:00').flags, 'inaction-overdue').sinceDay).toBe(
      day('2025-10-15'),
    );
  });

  it('never flags a completed case, however late', () => {
    const done = mkCase({
      acceptedAt: '2025-09-24 10:00',
      committed: 3,
      completedAt: '2025-10-20 10:00',
    });
    const { ev, flags } = run(done, [], '2025-10-30 09:00');
    expect(ev.late).toBe(true);
    expect(find(flags, 'inaction-overdue')).toBeUndefined();
  });

  it('works for a dueAt case', () => {
    // dueAt Fri 2025-09-26 17:00; overdue: 09-28 (1), 09-29, 09-30, 10-09, 10-10 (5), 10-11 (6).
    const cd = mkCase({
      acceptedAt: '2025-09-24 10:00',
      committed: null,
      dueAt: '2025-09-26 17:00',
    });
    expect(find(run(cd, [], '2025-10-10 09:00').flags, 'inaction-overdue')).toBeUndefined();
    expect(get(run(cd, [], '2025-10-11 09:00').flags, 'inaction-overdue').sinceDay).toBe(
      day('2025-10-11'),
    );
  });
});
