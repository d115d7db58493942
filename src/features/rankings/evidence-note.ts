/** The drill-down list's notes (how each record counted), worded in the UI language. */
import { formatShanghaiIso } from '../../domain/time-limit';
import type { EvidenceNote } from '../../engine/ranking-view-evidence';
import { defineMessages, intlLocale, useLocaleStore } from '../../i18n';
import { useSlowActionText } from '../../ui/slow-action-text';

const useMsg = defineMessages(
  {
    separator: '；',
    listSeparator: '、',
    completed: '本季度办结',
    openOverdue: '季度末超期未办结',
    used: '已用 {used} / 承诺 {limit} 个工作日',
    usedDue: '已用 {used} 个工作日（按截止时刻办理）',
    early: '提前办结',
    onTime: '按时办结',
    late: '超期办结 {n} 个工作日',
    overdue: '已超期 {n} 个工作日',
    utilisation: '时限利用率 {rate}',
    flags: '慢作为：{rules}',
    level1: '1 级 非常不满意',
    level2: '2 级 不满意',
    level3: '3 级 基本满意',
    level4: '4 级 满意',
    level5: '5 级 非常满意',
    given: '评价于 {at}',
    rectified: '期内已整改',
    unrectified: '未在期内整改',
    pending: '整改期未满',
    earlier: '上季度评价、整改期在本季度届满',
    feedback: '整改反馈 {at}',
    flag: '慢作为标记：{rule}',
    departmentFlag: '部门级慢作为标记：{rule}（{why}）',
  },
  {
    separator: '; ',
    listSeparator: ', ',
    completed: 'Completed this quarter',
    openOverdue: 'Open and overdue at quarter end',
    used: 'used {used} of {limit} working days',
    usedDue: 'used {used} working days (due at a set time)',
    early: 'completed early',
    onTime: 'completed on time',
    late: 'completed {n} working days late',
    overdue: '{n} working days overdue',
    utilisation: 'utilisation {rate}',
    flags: 'slow action: {rules}',
    level1: '1 very dissatisfied',
    level2: '2 dissatisfied',
    level3: '3 fairly satisfied',
    level4: '4 satisfied',
    level5: '5 very satisfied',
    given: 'reviewed {at}',
    rectified: 'rectified within the window',
    unrectified: 'not rectified within the window',
    pending: 'window still open',
    earlier: 'reviewed last quarter, window closing this quarter',
    feedback: 'rectification reported {at}',
    flag: 'Slow-action flag: {rule}',
    departmentFlag: 'Department-level slow-action flag: {rule} ({why})',
  },
);

const LEVEL_KEYS = ['level1', 'level2', 'level3', 'level4', 'level5'] as const;

const minute = (ms: number) => formatShanghaiIso(ms).slice(0, 16).replace('T', ' ');

export function useEvidenceNote(): (note: EvidenceNote) => string {
  const m = useMsg();
  const sa = useSlowActionText();
  const intl = intlLocale(useLocaleStore((s) => s.locale));
  return (note) => {
    switch (note.kind) {
      case 'none':
        return '';
      case 'flag':
        return m('flag', { rule: sa.ruleName(note.code) });
      case 'department-flag':
        return m('departmentFlag', {
          rule: sa.ruleName(note.code),
          why: sa.explanation(note.code, note.evidence),
        });
      case 'case': {
        const c = note.record;
        const parts = [c.countedAs === 'completed' ? m('completed') : m('openOverdue')];
        parts.push(
          c.committedLimitDays === null
            ? m('usedDue', { used: c.elapsedDays })
            : m('used', { used: c.elapsedDays, limit: c.committedLimitDays }),
        );
        if (c.countedAs === 'completed') {
          if (c.early) parts.push(m('early'));
          else if (c.onTime) parts.push(m('onTime'));
          if (c.late) parts.push(m('late', { n: c.overdueDays }));
        } else parts.push(m('overdue', { n: c.overdueDays }));
        if (c.utilisation !== null)
          parts.push(
            m('utilisation', {
              rate: c.utilisation.toLocaleString(intl, {
                style: 'percent',
                minimumFractionDigits: 1,
                maximumFractionDigits: 1,
              }),
            }),
          );
        if (c.flags.length > 0)
          parts.push(m('flags', { rules: c.flags.map(sa.ruleName).join(m('listSeparator')) }));
        return parts.join(m('separator'));
      }
      case 'evaluation': {
        const e = note.record;
        const level = LEVEL_KEYS[e.level - 1];
        const parts = [level ? m(level) : String(e.level), m('given', { at: minute(e.at) })];
        if (e.badStatus) parts.push(m(e.badStatus));
        if (e.badStatus && !e.givenInQuarter) parts.push(m('earlier'));
        if (e.rectifiedAt !== null) parts.push(m('feedback', { at: minute(e.rectifiedAt) }));
        return parts.join(m('separator'));
      }
    }
  };
}
