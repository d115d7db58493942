import { describe, expect, it } from 'vitest';
import { day, find, get, mkCase, mkSteps, run, th } from './helpers';

// Accepted Mon 2025-09-29 16:00 (the acceptance day is not counted):
//   day 1 = Tue 09-30, 10-01 … 10-08 国庆 off, day 2 = Thu 10-09, day 3 = Fri 10-10.
describe('受理未办 (accepted, nothing done)', () => {
  const c = mkCase({ acceptedAt: '2025-09-29 16:00' });

  it('is not flagged when the next step is entered on working day 2, after the holiday', () => {
    const s = mkSteps(
      ['受理', '2025-09-29 16:00', '2025-10-09 11:00'],
      ['审查', '2025-10-09 11:00'],
    );
    expect(find(run(c, s, '2025-10-09 12:00').flags, 'accepted-idle')).toBeUndefined();
    // Still not, later on (the rule judges the first action, not the present).
    expect(find(run(c, s, '2025-10-20 12:00').flags, 'accepted-idle')).toBeUndefined();
  });

  it('is flagged when the next step is entered on working day 3', () => {
    const s = mkSteps(
      ['受理', '2025-09-29 16:00', '2025-10-10 11:00'],
      ['审查', '2025-10-10 11:00'],
    );
    const f = get(run(c, s, '2025-10-10 12:00').flags, 'accepted-idle');
    expect(f.sinceDay).toBe(day('2025-10-10'));
    expect(f.rule).toBe('受理未办');
    expect(f.explanation).toBe(
      '2025-09-29 受理后，直到第 3 个工作日（2025-10-10）才进入审查环节，超过受理后 2 个工作日内办理的要求。',
    );
    expect(f.evidence).toEqual({
      acceptedDay: '2025-09-29',
      firstAction: 'step-entered',
      firstActionDay: '2025-10-10',
      waitedDays: 3,
      threshold: 2,
    });
  });

  it('flags an open case with no action once working day 3 begins', () => {
    const s = mkSteps(['受理', '2025-09-29 16:00']); // entering 受理 itself is not an action
    expect(find(run(c, s, '2025-10-08 23:00').flags, 'accepted-idle')).toBeUndefined(); // day 1 so far
    expect(find(run(c, s, '2025-10-09 18:00').flags, 'accepted-idle')).toBeUndefined(); // day 2
    const f = get(run(c, s, '2025-10-10 09:00').flags, 'accepted-idle');
    expect(f.explanation).toBe(
      '2025-09-29 受理后已 3 个工作日未进入下一环节（要求受理后 2 个工作日内办理）。',
    );
    expect(f.evidence).toMatchObject({ firstAction: null, firstActionDay: null, waitedDays: 3 });
    expect(f.sinceDay).toBe(day('2025-10-10'));
  });

  it('a higher acceptedIdleDays setting changes the outcome', () => {
    expect(
      find(run(c, [], '2025-10-10 09:00', th({ acceptedIdleDays: 3 })).flags, 'accepted-idle'),
    ).toBeUndefined();
    const f = get(
      run(c, [], '2025-10-11 09:00', th({ acceptedIdleDays: 3 })).flags,
      'accepted-idle',
    );
    expect(f.sinceDay).toBe(day('2025-10-11')); // day 4 is the 调休 Saturday
    expect(f.explanation).toContain('要求受理后 3 个工作日内办理');
  });

  it('judges completed cases too (history), completion being an action', () => {
    const late = mkCase({ acceptedAt: '2025-09-29 16:00', completedAt: '2025-10-10 15:00' });
    const f = get(run(late, [], '2025-12-01 09:00').flags, 'accepted-idle');
    expect(f.evidence).toMatchObject({ firstAction: 'completed', waitedDays: 3 });
    expect(f.explanation).toContain('才办结');
    const onTime = mkCase({ acceptedAt: '2025-09-29 16:00', completedAt: '2025-10-09 15:00' });
    expect(find(run(onTime, [], '2025-12-01 09:00').flags, 'accepted-idle')).toBeUndefined();
  });

  it('counts starting a suspension (e.g. a 补正 notice) as an action', () => {
    const cs = mkCase({
      acceptedAt: '2025-09-29 16:00',
      suspensions: [{ startAt: '2025-09-30 10:00', endAt: '2025-10-20 10:00' }],
    });
    expect(find(run(cs, [], '2025-10-20 09:00').flags, 'accepted-idle')).toBeUndefined();
  });

  it('counts from the next working day when accepted on a day off (Sat 2025-09-27)', () => {
    // day 1 = Sun 09-28 (调休), day 2 = Mon 09-29, day 3 = Tue 09-30.
    const cw = mkCase({ acceptedAt: '2025-09-27 10:00' });
    const ok = mkSteps(['审查', '2025-09-29 17:00']);
    expect(find(run(cw, ok, '2025-09-30 09:00').flags, 'accepted-idle')).toBeUndefined();
    const slow = mkSteps(['审查', '2025-09-30 09:00']);
    const f = get(run(cw, slow, '2025-09-30 10:00').flags, 'accepted-idle');
    expect(f.evidence['waitedDays']).toBe(3);
    expect(f.sinceDay).toBe(day('2025-09-30'));
  });

  it('treats an action on the weekend after day 2 as within the limit', () => {
    // Accepted Wed 2025-09-03: day 1 = Thu 09-04, day 2 = Fri 09-05, Sat 09-06 is off, day 3 = Mon 09-08.
    const cw = mkCase({ acceptedAt: '2025-09-03 10:00' });
    const sat = mkSteps(['审查', '2025-09-06 10:00']);
    expect(find(run(cw, sat, '2025-09-10 09:00').flags, 'accepted-idle')).toBeUndefined();
    const mon = mkSteps(['审查', '2025-09-08 10:00']);
    expect(get(run(cw, mon, '2025-09-10 09:00').flags, 'accepted-idle').sinceDay).toBe(
      day('2025-09-08'),
    );
  });

  it('ignores steps entered before acceptance and actions after the as-of instant', () => {
    const pre = mkSteps(['预审', '2025-09-28 10:00'], ['审查', '2025-10-13 10:00']);
    const f = get(run(c, pre, '2025-10-10 09:00').flags, 'accepted-idle');
    expect(f.evidence['firstAction']).toBeNull();
  });

  it('stays silent when the flow is unknown (steps = null)', () => {
    expect(find(run(c, null, '2025-10-30 09:00').flags, 'accepted-idle')).toBeUndefined();
  });
});
