import { describe, expect, it } from 'vitest';
import { noticeOverdueFlag } from '../../../src/domain/slow-action';
import { cal, day } from './helpers';

describe('逾期未反馈 (an unanswered 督办单)', () => {
  const notice = {
    noticeId: 12,
    number: '督〔2026〕第0012号',
    departmentId: 'D13',
    // Saturday 2026-10-10 is worked in exchange for the National Day holidays.
    dueDay: day('2026-10-10'),
    overdueUntil: day('2026-10-30'),
    caseIds: ['C1', 'C2'],
  };

  it('is a department flag from the day after the deadline, counting working days past it', () => {
    const f = noticeOverdueFlag(notice, cal);
    expect(f).toMatchObject({
      code: 'notice-overdue',
      rule: '逾期未反馈',
      caseId: null,
      departmentId: 'D13',
      sinceDay: day('2026-10-11'),
    });
    expect(f.evidence).toEqual({
      noticeId: 12,
      notice: '督〔2026〕第0012号',
      dueOn: '2026-10-10',
      daysPast: 15,
      cases: 'C1,C2',
    });
    expect(f.explanation).toBe(
      '督办单督〔2026〕第0012号要求于 2026-10-10 前反馈，逾期 15 个工作日未反馈（涉及 2 件办件）。',
    );
  });

  it('counts only working days: answered on the Monday after a Friday deadline is 1 day late', () => {
    const f = noticeOverdueFlag(
      { ...notice, dueDay: day('2026-10-16'), overdueUntil: day('2026-10-19') },
      cal,
    );
    expect(f.evidence['daysPast']).toBe(1);
    expect(f.sinceDay).toBe(day('2026-10-17'));
  });
});
