/**
 * Words for the slow-action rules in both interface languages: rule names, the rules as the
 * thresholds in use make them, each flag's explanation (worded from its code and evidence — the
 * rules produce the numbers, this table the sentence), and the labels and formats of evidence
 * fields. Shared by the 慢作为 page, the department and case pages, the rankings' methodology and
 * evidence, and the exports, so a rule reads the same everywhere.
 */
import type { SlowActionCode, SlowActionThresholds } from '../domain/slow-action';
import { defineMessages, intlLocale, useLocaleStore, type Locale } from '../i18n';
import { formatCount, formatPercent } from './format';

const table = defineMessages(
  {
    'name.stall': '滞留',
    'name.accepted-idle': '受理未办',
    'name.repeated-correction': '多次补正',
    'name.overlong-suspension': '暂停过长',
    'name.suspension-overrun': '暂停超申请天数',
    'name.inaction-overdue': '超期未办结',
    'name.deadline-rush': '临期突击',
    'name.notice-overdue': '逾期未反馈',
    'rule.stall':
      '在办件当前环节连续 {days} 个工作日（或承诺时限的 {share}，取较小者，至少 1 个工作日）无流转；暂停计时的工作日不计。',
    'rule.accepted-idle': '受理后 {days} 个工作日内未进入下一环节、未转出、未暂停计时，也未办结。',
    'rule.repeated-correction': '同一办件要求申请人补正材料超过 {n} 次，未做到一次性告知。',
    'rule.overlong-suspension':
      '暂停计时的工作日数超过承诺时限{factor}（即办件有暂停计时即计入；无承诺时限、按截止时间办理的办件不适用）。',
    'rule.overlong-suspension.factor': ' {factor} 倍',
    'rule.suspension-overrun': '暂停计时超出申请天数，超出的工作日重新计入办理时限。',
    'rule.inaction-overdue': '在办件超过承诺期限 {days} 个工作日以上仍未办结。',
    'rule.deadline-rush':
      '部门在统计期内办结的承诺时限不少于 {minLimit} 个工作日的办件中，{share} 及以上恰在承诺期限当天办结（至少 {minCompleted} 件方作判断）。',
    'basis.repeated-correction':
      '《中华人民共和国行政许可法》第三十二条（一次告知申请人需要补正的全部内容）',
    'basis.overlong-suspension':
      '《中华人民共和国行政许可法》第四十五条（特别程序所需时间不计算在期限内）',
    'basis.inaction-overdue': '《中华人民共和国行政许可法》第四十二条（办理期限）',
    'value.accepted': '受理',
    'value.completed': '办结',
    'value.step-left': '环节转出',
    'value.suspension-started': '开始暂停计时',
    'value.step-entered': '进入环节',
    'movement.accepted': '受理',
    'movement.completed': '办结',
    'movement.step-left': '{step}环节转出',
    'movement.suspension-started': '开始{step}暂停计时',
    'movement.step-entered': '进入{step}环节',
    'where.step': '{step}环节',
    'where.case': '办件',
    'why.stall':
      '{where}自 {day}（{movement}）起已停留 {idle} 个工作日无流转（阈值 {threshold} 个工作日）{suspended}。',
    'why.stall.suspended': '，其间暂停计时的 {n} 个工作日未计入',
    'why.accepted-idle.acted':
      '{accepted} 受理后，直到第 {waited} 个工作日（{day}）才{movement}，超过受理后 {threshold} 个工作日内办理的要求。',
    'why.accepted-idle.waiting':
      '{accepted} 受理后已 {waited} 个工作日未进入下一环节（要求受理后 {threshold} 个工作日内办理）。',
    'why.repeated-correction':
      '共要求申请人补正 {n} 次（{days}），超过 {threshold} 次，未做到一次性告知。',
    'why.overlong-suspension':
      '累计暂停计时 {suspended} 个工作日，超过允许的 {allowed} 个工作日（承诺时限 {limit} 个工作日）。',
    'why.suspension-overrun':
      '暂停计时超出申请天数 {days} 个工作日（{count} 次暂停超出，最早自 {first} 起），超出部分已重新计入办理时限。',
    'why.inaction-overdue':
      '承诺期限 {due} 已过 {overdue} 个工作日仍未办结（阈值：超过 {threshold} 个工作日）{statutory}。',
    'why.inaction-overdue.statutory': '，已超过法定期限（{due}）{days} 个工作日',
    'why.deadline-rush':
      '{period}办结承诺时限不少于 {minLimit} 个工作日的办件 {completed} 件，其中 {onDeadline} 件（{share}）恰在承诺期限当天办结（阈值 {threshold}）。',
    'why.deadline-rush.period': '{from} 至 {to} 期间，',
    'rule.notice-overdue':
      '督办单在反馈期限内未反馈（逾期后再反馈或申诉仍计一次；申诉撤销的督办单不计）。',
    'why.notice-overdue':
      '督办单{notice}要求于 {due} 前反馈，逾期 {days} 个工作日未反馈（涉及 {cases} 件办件）。',
    'field.step': '当前环节',
    'field.stepEnteredDay': '进入环节日期',
    'field.lastMovement': '最近流转',
    'field.lastMovementName': '最近流转环节',
    'field.lastMovementDay': '最近流转日期',
    'field.idleDays': '无流转工作日',
    'field.suspendedDays': '暂停工作日',
    'field.threshold': '阈值',
    'field.committedLimitDays': '承诺时限（工作日）',
    'field.asOfDay': '统计日期',
    'field.acceptedDay': '受理日期',
    'field.firstAction': '首次办理动作',
    'field.firstActionDay': '首次办理日期',
    'field.waitedDays': '等待工作日',
    'field.corrections': '补正次数',
    'field.firstCorrectionDay': '首次补正日期',
    'field.flaggedCorrectionDay': '触发标记的补正日期',
    'field.correctionDays': '各次补正日期',
    'field.factor': '倍数',
    'field.allowedDays': '允许暂停工作日',
    'field.exceededOn': '超出日期',
    'field.overrunDays': '超出申请天数（工作日）',
    'field.suspensionsOverrun': '超出申请天数的暂停次数',
    'field.kind': '暂停类别',
    'field.suspensionStartDay': '暂停开始日期',
    'field.approvedDays': '申请天数',
    'field.firstOverrunDay': '首个超出日',
    'field.recomputedOverrunDays': '复核超出天数',
    'field.committedDue': '承诺期限',
    'field.overdueDays': '超期工作日',
    'field.statutoryDue': '法定期限',
    'field.statutoryOverdueDays': '超法定期限工作日',
    'field.elapsedDays': '已用工作日',
    'field.completed': '办结件数',
    'field.onDeadlineDay': '期限当日办结',
    'field.share': '当日办结占比',
    'field.minLimitDays': '最短承诺时限（工作日）',
    'field.minCompleted': '最少办结件数',
    'field.periodFrom': '统计期起',
    'field.periodTo': '统计期止',
    'field.lastCompletionDay': '最后办结日期',
    'field.notice': '督办单',
    'field.dueOn': '反馈期限',
    'field.daysPast': '逾期',
    'field.cases': '涉及办件',
    'unit.days': '{n} 个工作日',
    'unit.times': '{n} 次',
    'unit.cases': '{n} 件',
    listSeparator: '、',
    fieldSeparator: '：',
    itemSeparator: '；',
  },
  {
    'name.stall': 'Step stall',
    'name.accepted-idle': 'Accepted, nothing done',
    'name.repeated-correction': 'Repeated corrections',
    'name.overlong-suspension': 'Overlong suspension',
    'name.suspension-overrun': 'Suspension over approved days',
    'name.inaction-overdue': 'Overdue inaction',
    'name.deadline-rush': 'Deadline rush',
    'name.notice-overdue': 'Notice unanswered',
    'rule.stall':
      'An open case has not moved at its current step for {days} working days (or {share} of the committed limit, whichever is smaller, at least 1 working day); suspended working days do not count.',
    'rule.accepted-idle':
      'Within {days} working days of acceptance the case has neither entered the next step, been passed on, been suspended nor been completed.',
    'rule.repeated-correction':
      'The applicant was asked to correct the materials of one case more than {n} times instead of being told everything at once.',
    'rule.overlong-suspension':
      'The suspended working days exceed the committed limit{factor} (any suspension of a same-day case counts; cases with a due time instead of a limit are exempt).',
    'rule.overlong-suspension.factor': ' × {factor}',
    'rule.suspension-overrun':
      'A suspension ran past its approved days; the days over count against the time limit again.',
    'rule.inaction-overdue':
      'An open case is more than {days} working days past its committed deadline.',
    'rule.deadline-rush':
      'Of the cases with a committed limit of at least {minLimit} working days that a department completed in the period, {share} or more were completed on the deadline day itself (judged from {minCompleted} cases on).',
    'basis.repeated-correction':
      'Administrative Licensing Law of the PRC, art. 32 (tell the applicant everything to correct at once)',
    'basis.overlong-suspension':
      'Administrative Licensing Law of the PRC, art. 45 (time for special procedures is not counted)',
    'basis.inaction-overdue': 'Administrative Licensing Law of the PRC, art. 42 (time limits)',
    'value.accepted': 'accepted',
    'value.completed': 'completed',
    'value.step-left': 'left a step',
    'value.suspension-started': 'suspension started',
    'value.step-entered': 'entered a step',
    'movement.accepted': 'accepted',
    'movement.completed': 'completed',
    'movement.step-left': 'left step {step}',
    'movement.suspension-started': 'suspension {step} started',
    'movement.step-entered': 'entered step {step}',
    'where.step': 'At step {step} the case',
    'where.case': 'The case',
    'why.stall':
      '{where} has not moved for {idle} working days since {day} ({movement}) (threshold {threshold} working days){suspended}.',
    'why.stall.suspended': '; the {n} suspended working days in between are not counted',
    'why.accepted-idle.acted':
      'Accepted on {accepted}, first {movement} only on working day {waited} ({day}), later than the required {threshold} working days.',
    'why.accepted-idle.waiting':
      'Accepted on {accepted}, nothing done for {waited} working days (required within {threshold} working days).',
    'why.repeated-correction':
      'The applicant was asked for corrections {n} times ({days}), more than {threshold}: not told everything at once.',
    'why.overlong-suspension':
      'Suspended for {suspended} working days in all, more than the {allowed} allowed (committed limit {limit} working days).',
    'why.suspension-overrun':
      'Suspensions ran {days} working days past their approved days ({count} suspensions over, from {first}); the days over count against the time limit again.',
    'why.inaction-overdue':
      'Still open {overdue} working days after the committed deadline {due} (threshold: more than {threshold} working days){statutory}.',
    'why.inaction-overdue.statutory': '; {days} working days past the statutory deadline ({due})',
    'why.deadline-rush':
      '{period}of {completed} completed cases with a committed limit of at least {minLimit} working days, {onDeadline} ({share}) were completed on the deadline day itself (threshold {threshold}).',
    'why.deadline-rush.period': 'From {from} to {to}, ',
    'rule.notice-overdue':
      'A supervision notice not answered by its deadline (a late answer or appeal still counts once; a notice revoked on appeal does not).',
    'why.notice-overdue':
      'Supervision notice {notice} was due for an answer by {due}: {days} working days overdue without one ({cases} cases).',
    'field.step': 'Step',
    'field.stepEnteredDay': 'Step entered',
    'field.lastMovement': 'Last movement',
    'field.lastMovementName': 'Last movement at',
    'field.lastMovementDay': 'Last movement date',
    'field.idleDays': 'Idle working days',
    'field.suspendedDays': 'Suspended working days',
    'field.threshold': 'Threshold',
    'field.committedLimitDays': 'Committed limit (working days)',
    'field.asOfDay': 'As of',
    'field.acceptedDay': 'Accepted',
    'field.firstAction': 'First action',
    'field.firstActionDay': 'First action date',
    'field.waitedDays': 'Working days waited',
    'field.corrections': 'Corrections',
    'field.firstCorrectionDay': 'First correction',
    'field.flaggedCorrectionDay': 'Correction that raised the flag',
    'field.correctionDays': 'Correction dates',
    'field.factor': 'Factor',
    'field.allowedDays': 'Allowed suspended working days',
    'field.exceededOn': 'Exceeded on',
    'field.overrunDays': 'Over approved days (working days)',
    'field.suspensionsOverrun': 'Suspensions over approved days',
    'field.kind': 'Suspension kind',
    'field.suspensionStartDay': 'Suspension start',
    'field.approvedDays': 'Approved days',
    'field.firstOverrunDay': 'First overrun',
    'field.recomputedOverrunDays': 'Overrun days, rechecked',
    'field.committedDue': 'Committed due',
    'field.overdueDays': 'Overdue working days',
    'field.statutoryDue': 'Statutory due',
    'field.statutoryOverdueDays': 'Working days past statutory',
    'field.elapsedDays': 'Used working days',
    'field.completed': 'Completed',
    'field.onDeadlineDay': 'On deadline day',
    'field.share': 'Share on deadline day',
    'field.minLimitDays': 'Minimum limit (working days)',
    'field.minCompleted': 'Minimum completed',
    'field.periodFrom': 'Period from',
    'field.periodTo': 'Period to',
    'field.lastCompletionDay': 'Last completion',
    'field.notice': 'Notice',
    'field.dueOn': 'Answer due',
    'field.daysPast': 'Overdue',
    'field.cases': 'Cases',
    'unit.days': '{n} working days',
    'unit.times': '{n}',
    'unit.cases': '{n}',
    listSeparator: ', ',
    fieldSeparator: ': ',
    itemSeparator: '; ',
  },
);

/** The text builders of one language (pure: usable in exports and tests as in components). */
export interface SlowActionText {
  ruleName: (code: SlowActionCode) => string;
  /** The rule as the thresholds in use make it. */
  ruleDescription: (code: SlowActionCode, t: SlowActionThresholds) => string;
  legalBasis: (code: SlowActionCode) => string | null;
  /** The flag's reason, worded from its code and evidence. */
  explanation: (code: SlowActionCode, evidence: Readonly<Record<string, unknown>>) => string;
  /**
   * The same reason in parts, feed values (a step's name) apart so a page can mark their
   * language: `{ feed: '审核' }` parts are data, strings are UI text.
   */
  explanationParts: (
    code: SlowActionCode,
    evidence: Readonly<Record<string, unknown>>,
  ) => Array<string | { feed: string }>;
  evidenceLabel: (key: string) => string;
  evidenceValue: (code: SlowActionCode, key: string, value: string | number) => string;
  /** "滞留：…；受理未办：…" / "Step stall: …; …". */
  fieldSeparator: string;
  itemSeparator: string;
}

const FEED_MARK = '\uE000';

const shareText = (share: number): string => `${String(Math.round(share * 1000) / 10)}%`;

type Unit = 'days' | 'times' | 'cases' | 'date' | 'text' | 'share' | 'dates' | 'movement';

/** The unit of each evidence field the views show (docs/slow-action.md has them all). */
const FIELD_UNITS = {
  step: 'text',
  stepEnteredDay: 'date',
  lastMovement: 'movement',
  lastMovementName: 'text',
  lastMovementDay: 'date',
  idleDays: 'days',
  suspendedDays: 'days',
  threshold: 'days',
  committedLimitDays: 'days',
  asOfDay: 'date',
  acceptedDay: 'date',
  firstAction: 'movement',
  firstActionDay: 'date',
  waitedDays: 'days',
  corrections: 'times',
  firstCorrectionDay: 'date',
  flaggedCorrectionDay: 'date',
  correctionDays: 'dates',
  factor: 'text',
  allowedDays: 'days',
  exceededOn: 'date',
  overrunDays: 'days',
  suspensionsOverrun: 'times',
  kind: 'text',
  suspensionStartDay: 'date',
  approvedDays: 'days',
  firstOverrunDay: 'date',
  recomputedOverrunDays: 'days',
  committedDue: 'date',
  overdueDays: 'days',
  statutoryDue: 'date',
  statutoryOverdueDays: 'days',
  elapsedDays: 'days',
  completed: 'cases',
  onDeadlineDay: 'cases',
  share: 'share',
  minLimitDays: 'days',
  minCompleted: 'cases',
  periodFrom: 'date',
  periodTo: 'date',
  lastCompletionDay: 'date',
  notice: 'text',
  dueOn: 'date',
  daysPast: 'days',
  cases: 'dates',
} as const satisfies Readonly<Record<string, Unit>>;
type FieldKey = keyof typeof FIELD_UNITS;
const isField = (k: string): k is FieldKey => Object.hasOwn(FIELD_UNITS, k);
const MOVEMENTS = [
  'accepted',
  'completed',
  'step-left',
  'suspension-started',
  'step-entered',
] as const;
const isMovement = (v: string): v is (typeof MOVEMENTS)[number] =>
  (MOVEMENTS as readonly string[]).includes(v);
/** Evidence fields whose text value is feed data (a step or suspension kind as the feed names it). */
export const FEED_VALUED_FIELDS: ReadonlySet<string> = new Set([
  'step',
  'kind',
  'lastMovementName',
  // A 督办单's number (督〔2026〕第0012号) is a Chinese identifier in either language.
  'notice',
]);

function slowActionText(locale: Locale): SlowActionText {
  const m = table.forLocale(locale);
  const intl = intlLocale(locale);
  const str = (e: Readonly<Record<string, unknown>>, k: string): string => {
    const v = e[k];
    return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '';
  };
  const num = (e: Readonly<Record<string, unknown>>, k: string): number => {
    const v = e[k];
    return typeof v === 'number' ? v : 0;
  };
  const n = (x: number) => formatCount(x, intl);
  const movement = (code: unknown, step: string): string => {
    switch (code) {
      case 'completed':
        return m('movement.completed');
      case 'step-left':
        return m('movement.step-left', { step });
      case 'suspension-started':
        return m('movement.suspension-started', { step });
      case 'step-entered':
        return m('movement.step-entered', { step });
      default:
        return m('movement.accepted');
    }
  };
  // Feed values travel through the templates between two private-use marks, split out after.
  const feed = (v: string) => (v === '' ? '' : `${FEED_MARK}${v}${FEED_MARK}`);
  const marked = (code: SlowActionCode, e: Readonly<Record<string, unknown>>): string => {
    switch (code) {
      case 'stall': {
        const step = feed(str(e, 'step'));
        const suspended = num(e, 'suspendedDays');
        return m('why.stall', {
          where: step !== '' ? m('where.step', { step }) : m('where.case'),
          day: str(e, 'lastMovementDay'),
          movement: movement(e['lastMovement'], feed(str(e, 'lastMovementName'))),
          idle: n(num(e, 'idleDays')),
          threshold: n(num(e, 'threshold')),
          suspended: suspended > 0 ? m('why.stall.suspended', { n: n(suspended) }) : '',
        });
      }
      case 'accepted-idle': {
        const values = {
          accepted: str(e, 'acceptedDay'),
          waited: n(num(e, 'waitedDays')),
          threshold: n(num(e, 'threshold')),
        };
        const day = str(e, 'firstActionDay');
        return day !== ''
          ? m('why.accepted-idle.acted', {
              ...values,
              day,
              movement: movement(e['firstAction'], ''),
            })
          : m('why.accepted-idle.waiting', values);
      }
      case 'repeated-correction':
        return m('why.repeated-correction', {
          n: n(num(e, 'corrections')),
          days: str(e, 'correctionDays').split(',').join(m('listSeparator')),
          threshold: n(num(e, 'threshold')),
        });
      case 'overlong-suspension':
        return m('why.overlong-suspension', {
          suspended: n(num(e, 'suspendedDays')),
          allowed: n(num(e, 'allowedDays')),
          limit: n(num(e, 'committedLimitDays')),
        });
      case 'suspension-overrun':
        return m('why.suspension-overrun', {
          days: n(num(e, 'overrunDays')),
          count: n(num(e, 'suspensionsOverrun')),
          first: str(e, 'firstOverrunDay'),
        });
      case 'inaction-overdue': {
        const due = str(e, 'committedDue');
        const statutoryDue = str(e, 'statutoryDue');
        const statutoryDays = num(e, 'statutoryOverdueDays');
        return m('why.inaction-overdue', {
          due,
          overdue: n(num(e, 'overdueDays')),
          threshold: n(num(e, 'threshold')),
          statutory:
            statutoryDays > 0 && statutoryDue !== due
              ? m('why.inaction-overdue.statutory', { due: statutoryDue, days: n(statutoryDays) })
              : '',
        });
      }
      case 'deadline-rush': {
        const from = str(e, 'periodFrom');
        return m('why.deadline-rush', {
          period:
            from !== '' ? m('why.deadline-rush.period', { from, to: str(e, 'periodTo') }) : '',
          minLimit: n(num(e, 'minLimitDays')),
          completed: n(num(e, 'completed')),
          onDeadline: n(num(e, 'onDeadlineDay')),
          share: formatPercent(num(e, 'share'), intl),
          threshold: formatPercent(num(e, 'threshold'), intl),
        });
      }
      case 'notice-overdue':
        return m('why.notice-overdue', {
          notice: feed(str(e, 'notice')),
          due: str(e, 'dueOn'),
          days: n(num(e, 'daysPast')),
          cases: n(
            str(e, 'cases')
              .split(',')
              .filter((c) => c !== '').length,
          ),
        });
    }
  };
  return {
    ruleName: (code) => m(`name.${code}`),
    ruleDescription: (code, t) => {
      switch (code) {
        case 'stall':
          return m('rule.stall', {
            days: n(t.stallDays),
            share: shareText(t.stallShareOfCommitted),
          });
        case 'accepted-idle':
          return m('rule.accepted-idle', { days: n(t.acceptedIdleDays) });
        case 'repeated-correction':
          return m('rule.repeated-correction', { n: n(t.maxCorrections) });
        case 'overlong-suspension':
          return m('rule.overlong-suspension', {
            factor:
              t.overlongSuspensionFactor === 1
                ? ''
                : m('rule.overlong-suspension.factor', {
                    factor: String(t.overlongSuspensionFactor),
                  }),
          });
        case 'suspension-overrun':
          return m('rule.suspension-overrun');
        case 'inaction-overdue':
          return m('rule.inaction-overdue', { days: n(t.inactionOverdueDays) });
        case 'deadline-rush':
          return m('rule.deadline-rush', {
            minLimit: n(t.deadlineRushMinLimitDays),
            share: shareText(t.deadlineRushShare),
            minCompleted: n(t.deadlineRushMinCompleted),
          });
        case 'notice-overdue':
          return m('rule.notice-overdue');
      }
    },
    legalBasis: (code) =>
      code === 'repeated-correction' ||
      code === 'overlong-suspension' ||
      code === 'inaction-overdue'
        ? m(`basis.${code}`)
        : null,
    explanation: (code, e) => marked(code, e).replaceAll(FEED_MARK, ''),
    explanationParts: (code, e) =>
      marked(code, e)
        .split(FEED_MARK)
        .flatMap((part, i): Array<string | { feed: string }> =>
          part === '' ? [] : i % 2 === 1 ? [{ feed: part }] : [part],
        ),
    evidenceLabel: (key) => (isField(key) ? m(`field.${key}`) : key),
    evidenceValue: (code, key, value) => {
      let unit: Unit = isField(key) ? FIELD_UNITS[key] : 'text';
      if (key === 'threshold') {
        unit =
          code === 'deadline-rush' ? 'share' : code === 'repeated-correction' ? 'times' : 'days';
      }
      if (typeof value !== 'number') {
        if (unit === 'dates') return value.split(',').join(m('listSeparator'));
        if (unit === 'movement' && isMovement(value)) return m(`value.${value}`);
        return value;
      }
      switch (unit) {
        case 'days':
          return m('unit.days', { n: n(value) });
        case 'times':
          return m('unit.times', { n: n(value) });
        case 'cases':
          return m('unit.cases', { n: n(value) });
        case 'share':
          return formatPercent(value, intl);
        default:
          return String(value);
      }
    },
    fieldSeparator: m('fieldSeparator'),
    itemSeparator: m('itemSeparator'),
  };
}

const texts: Record<Locale, SlowActionText> = {
  'zh-CN': slowActionText('zh-CN'),
  en: slowActionText('en'),
};

/** The slow-action words of one language, outside React (exports, tests). */
export function slowActionTextFor(locale: Locale): SlowActionText {
  return texts[locale];
}

/** The slow-action words of the UI language. */
export function useSlowActionText(): SlowActionText {
  return texts[useLocaleStore((s) => s.locale)];
}
