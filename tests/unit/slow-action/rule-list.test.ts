import { describe, expect, it } from 'vitest';
import {
  checkSlowActionThresholds,
  DEFAULT_SLOW_ACTION_THRESHOLDS,
  describeSlowActionRules,
  SLOW_ACTION_CODES,
  SLOW_ACTION_RULES,
  slowActionRuleName,
} from '../../../src/domain/slow-action';
import { th } from './helpers';

describe('rule list and thresholds', () => {
  it('lists every reason code once, in order, with its Chinese name', () => {
    expect(SLOW_ACTION_RULES.map((r) => r.code)).toEqual(SLOW_ACTION_CODES);
    expect(SLOW_ACTION_RULES.map((r) => r.name)).toEqual([
      '滞留',
      '受理未办',
      '多次补正',
      '暂停过长',
      '暂停超申请天数',
      '超期未办结',
      '临期突击',
      '逾期未反馈',
    ]);
    for (const r of SLOW_ACTION_RULES) expect(r.name).toBe(slowActionRuleName(r.code));
    expect(SLOW_ACTION_RULES.find((r) => r.code === 'deadline-rush')?.level).toBe('department');
    expect(SLOW_ACTION_RULES.find((r) => r.code === 'notice-overdue')?.level).toBe('department');
  });

  it('writes the default thresholds into the descriptions', () => {
    const byCode = new Map(SLOW_ACTION_RULES.map((r) => [r.code, r.description]));
    expect(byCode.get('stall')).toContain('连续 3 个工作日（或承诺时限的 50%');
    expect(byCode.get('accepted-idle')).toContain('受理后 2 个工作日内');
    expect(byCode.get('repeated-correction')).toContain('超过 1 次');
    expect(byCode.get('inaction-overdue')).toContain('5 个工作日以上');
    expect(byCode.get('deadline-rush')).toContain('30% 及以上');
    expect(byCode.get('deadline-rush')).toContain('至少 20 件');
    expect(SLOW_ACTION_RULES.find((r) => r.code === 'repeated-correction')?.legalBasis).toContain(
      '第三十二条',
    );
  });

  it('writes configured thresholds into the descriptions', () => {
    const rules = describeSlowActionRules(
      th({ stallDays: 5, deadlineRushShare: 0.25, overlongSuspensionFactor: 2 }),
    );
    expect(rules[0]?.description).toContain('连续 5 个工作日');
    expect(rules.find((r) => r.code === 'deadline-rush')?.description).toContain('25% 及以上');
    expect(rules.find((r) => r.code === 'overlong-suspension')?.description).toContain(
      '承诺时限 2 倍',
    );
  });

  it('accepts the defaults and reports bad settings', () => {
    expect(checkSlowActionThresholds(DEFAULT_SLOW_ACTION_THRESHOLDS)).toEqual([]);
    const problems = checkSlowActionThresholds(
      th({
        stallDays: -1,
        acceptedIdleDays: 1.5,
        deadlineRushShare: 1.2,
        overlongSuspensionFactor: Number.NaN,
      }),
    );
    expect(problems).toHaveLength(4);
    expect(problems.join('\n')).toContain('stallDays 应为非负整数');
    expect(problems.join('\n')).toContain('deadlineRushShare 应不大于 1');
  });
});
