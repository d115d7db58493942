/**
 * The slow-action words: every flag's reason is worded from its code and evidence in the UI
 * language (the rules produce numbers, never the sentence the page shows), with no Chinese in
 * English and the figures of the evidence in both.
 */
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SLOW_ACTION_THRESHOLDS,
  SLOW_ACTION_CODES,
  type SlowActionCode,
} from '../../../src/domain/slow-action';
import { slowActionTextFor } from '../../../src/ui/slow-action-text';

const CJK = /[\u3000-\u303f\u4e00-\u9fff\uff01-\uff5e]/;

/** Evidence as the domain's rules record it (docs/slow-action.md). */
const EVIDENCE: Record<SlowActionCode, Record<string, string | number | null>> = {
  stall: {
    step: null,
    lastMovement: 'accepted',
    lastMovementDay: '2026-09-21',
    idleDays: 7,
    suspendedDays: 2,
    threshold: 3,
    committedLimitDays: 10,
  },
  'accepted-idle': {
    acceptedDay: '2026-09-01',
    firstAction: 'step-entered',
    firstActionDay: '2026-09-08',
    waitedDays: 5,
    threshold: 2,
  },
  'repeated-correction': {
    corrections: 3,
    threshold: 1,
    correctionDays: '2026-09-02,2026-09-09,2026-09-16',
  },
  'overlong-suspension': { suspendedDays: 12, committedLimitDays: 5, factor: 1, allowedDays: 5 },
  'suspension-overrun': { overrunDays: 4, suspensionsOverrun: 1, firstOverrunDay: '2026-09-18' },
  'inaction-overdue': {
    committedDue: '2026-09-10',
    overdueDays: 9,
    statutoryDue: '2026-09-17',
    statutoryOverdueDays: 4,
    threshold: 5,
  },
  'deadline-rush': {
    completed: 40,
    onDeadlineDay: 16,
    share: 0.4,
    threshold: 0.3,
    minLimitDays: 3,
    periodFrom: '2026-07-01',
    periodTo: '2026-09-30',
  },
  'notice-overdue': {
    noticeId: 12,
    notice: '督〔2026〕第0012号',
    dueOn: '2026-10-10',
    daysPast: 15,
    cases: 'YZ1,YZ2',
  },
};

describe('slow-action words', () => {
  it('words every reason in English without Chinese, with the evidence figures', () => {
    const en = slowActionTextFor('en');
    for (const code of SLOW_ACTION_CODES) {
      // Feed values (a step's name, a 督办单's number) are data, shown marked lang=zh-CN.
      const text = en
        .explanationParts(code, EVIDENCE[code])
        .filter((part) => typeof part === 'string')
        .join('');
      expect(text, code).not.toMatch(CJK);
      expect(en.ruleName(code), code).not.toMatch(CJK);
      expect(en.ruleDescription(code, DEFAULT_SLOW_ACTION_THRESHOLDS), code).not.toMatch(CJK);
      expect(en.legalBasis(code) ?? '', code).not.toMatch(CJK);
    }
    expect(en.explanation('stall', EVIDENCE.stall)).toBe(
      'The case has not moved for 7 working days since 2026-09-21 (accepted) (threshold 3 working days); the 2 suspended working days in between are not counted.',
    );
    expect(en.explanation('inaction-overdue', EVIDENCE['inaction-overdue'])).toContain(
      '4 working days past the statutory deadline (2026-09-17)',
    );
    expect(en.explanation('deadline-rush', EVIDENCE['deadline-rush'])).toContain('16 (40.0%)');
    expect(en.explanation('notice-overdue', EVIDENCE['notice-overdue'])).toBe(
      'Supervision notice 督〔2026〕第0012号 was due for an answer by 2026-10-10: 15 working days overdue without one (2 cases).',
    );
  });

  it('words the same reasons in Chinese', () => {
    const zh = slowActionTextFor('zh-CN');
    expect(zh.explanation('stall', { ...EVIDENCE.stall, step: '审查' })).toBe(
      '审查环节自 2026-09-21（受理）起已停留 7 个工作日无流转（阈值 3 个工作日），其间暂停计时的 2 个工作日未计入。',
    );
    expect(zh.explanation('repeated-correction', EVIDENCE['repeated-correction'])).toBe(
      '共要求申请人补正 3 次（2026-09-02、2026-09-09、2026-09-16），超过 1 次，未做到一次性告知。',
    );
    expect(zh.ruleName('deadline-rush')).toBe('临期突击');
  });

  it('words evidence values by rule', () => {
    const zh = slowActionTextFor('zh-CN');
    expect(zh.evidenceValue('stall', 'idleDays', 4)).toBe('4 个工作日');
    expect(zh.evidenceValue('deadline-rush', 'threshold', 0.3)).toBe('30.0%');
    expect(zh.evidenceValue('repeated-correction', 'threshold', 1)).toBe('1 次');
    expect(zh.evidenceValue('repeated-correction', 'correctionDays', '2026-01-02,2026-01-05')).toBe(
      '2026-01-02、2026-01-05',
    );
    const en = slowActionTextFor('en');
    expect(en.evidenceValue('stall', 'idleDays', 4)).toBe('4 working days');
    expect(en.evidenceLabel('idleDays')).toBe('Idle working days');
  });
});
