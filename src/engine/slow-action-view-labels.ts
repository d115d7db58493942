/**
 * Words for the slow-action view model in both interface languages: rule names and the labels
 * and formats of the key evidence fields. Shared by the 慢作为 page, the department page and the
 * exports (features may not import each other), so a field reads the same everywhere.
 */
import { slowActionRuleName, type SlowActionCode } from '../domain/slow-action';
import type { Locale } from '../i18n';
import { formatCount, formatPercent } from '../ui/format';

const RULE_NAMES_EN: Readonly<Record<SlowActionCode, string>> = {
  stall: 'Step stall',
  'accepted-idle': 'Accepted, nothing done',
  'repeated-correction': 'Repeated corrections',
  'overlong-suspension': 'Overlong suspension',
  'suspension-overrun': 'Suspension over approved days',
  'inaction-overdue': 'Overdue inaction',
  'deadline-rush': 'Deadline rush',
  'notice-overdue': 'Notice unanswered',
};

/** The rule's name: the domain's Chinese name, or its English name. */
export function ruleLabel(code: SlowActionCode, locale: Locale): string {
  return locale === 'zh-CN' ? slowActionRuleName(code) : RULE_NAMES_EN[code];
}

type Unit = 'days' | 'times' | 'cases' | 'date' | 'text' | 'share' | 'list';

interface EvidenceField {
  zh: string;
  en: string;
  unit: Unit;
}

/** Evidence fields that {@link KEY_EVIDENCE} selects (docs/slow-action.md has them all). */
const FIELDS: Readonly<Record<string, EvidenceField>> = {
  step: { zh: '当前环节', en: 'Step', unit: 'text' },
  // The unit of `threshold` depends on the rule (see evidenceValueText).
  threshold: { zh: '阈值', en: 'Threshold', unit: 'days' },
  idleDays: { zh: '无流转', en: 'Idle', unit: 'days' },
  lastMovementDay: { zh: '最后流转', en: 'Last movement', unit: 'date' },
  acceptedDay: { zh: '受理日', en: 'Accepted', unit: 'date' },
  waitedDays: { zh: '已等待', en: 'Waited', unit: 'days' },
  corrections: { zh: '补正次数', en: 'Corrections', unit: 'times' },
  correctionDays: { zh: '补正日期', en: 'Correction dates', unit: 'list' },
  suspendedDays: { zh: '暂停计时', en: 'Suspended', unit: 'days' },
  allowedDays: { zh: '允许暂停', en: 'Allowed', unit: 'days' },
  committedLimitDays: { zh: '承诺时限', en: 'Committed limit', unit: 'days' },
  overrunDays: { zh: '超申请天数', en: 'Over approved', unit: 'days' },
  approvedDays: { zh: '申请天数', en: 'Approved', unit: 'days' },
  firstOverrunDay: { zh: '首个超出日', en: 'First overrun', unit: 'date' },
  committedDue: { zh: '承诺期限', en: 'Committed due', unit: 'date' },
  overdueDays: { zh: '超承诺期限', en: 'Past committed', unit: 'days' },
  statutoryOverdueDays: { zh: '超法定期限', en: 'Past statutory', unit: 'days' },
  completed: { zh: '办结件数', en: 'Completed', unit: 'cases' },
  onDeadlineDay: { zh: '期限当日办结', en: 'On deadline day', unit: 'cases' },
  share: { zh: '当日办结占比', en: 'Share', unit: 'share' },
  notice: { zh: '督办单', en: 'Notice', unit: 'text' },
  dueOn: { zh: '反馈期限', en: 'Answer due', unit: 'date' },
  daysPast: { zh: '逾期', en: 'Overdue', unit: 'days' },
  cases: { zh: '涉及办件', en: 'Cases', unit: 'list' },
};

/** The label of an evidence field (the key itself for an undocumented one). */
export function evidenceLabel(key: string, locale: Locale): string {
  const f = FIELDS[key];
  if (!f) return key;
  return locale === 'zh-CN' ? f.zh : f.en;
}

/**
 * An evidence value as words: "3 个工作日", "2026-09-28", "33.3%". `threshold` means a share for
 * 临期突击 and working days (or a count, for 多次补正) elsewhere.
 */
export function evidenceValueText(
  code: SlowActionCode,
  key: string,
  value: string | number,
  locale: Locale,
): string {
  let unit: Unit = FIELDS[key]?.unit ?? 'text';
  if (key === 'threshold') {
    unit = code === 'deadline-rush' ? 'share' : code === 'repeated-correction' ? 'times' : 'days';
  }
  if (typeof value !== 'number') return unit === 'list' ? value.replaceAll(',', '、') : value;
  const intl = locale === 'zh-CN' ? 'zh-CN' : 'en-GB';
  switch (unit) {
    case 'days':
      return locale === 'zh-CN'
        ? `${formatCount(value, intl)} 个工作日`
        : `${formatCount(value, intl)} working days`;
    case 'times':
      return locale === 'zh-CN' ? `${formatCount(value, intl)} 次` : formatCount(value, intl);
    case 'cases':
      return locale === 'zh-CN' ? `${formatCount(value, intl)} 件` : formatCount(value, intl);
    case 'share':
      return formatPercent(value, intl);
    default:
      return String(value);
  }
}
