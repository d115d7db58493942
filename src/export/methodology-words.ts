/**
 * The ranking methodology (口径说明) worded in a UI language from `rankingMethodology`'s values:
 * the indicator table and the counting rules (pure, so tests read the same words the page shows).
 * The rankings page's panel and the printed 季度通报 both render it (methodology-text.tsx).
 */
import type { IndicatorKey } from '../domain/ranking';
import { describeIndicators } from '../domain/ranking';
import { SLOW_ACTION_RULES, type SlowActionCode } from '../domain/slow-action';
import type { RankingMethodology } from '../engine/ranking-view-methodology';
import { defineMessages, type Locale } from '../i18n';
import { slowActionTextFor } from '../ui/slow-action-text';

const table = defineMessages(
  {
    colIndicator: '指标',
    colWeight: '权重',
    colWeightTotal: '权重（合计 {total}）',
    colDirection: '方向',
    colMeaning: '计算方法',
    colScoring: '得分',
    weight: '{weight}（{share}）',
    higher: '高者为优',
    lower: '低者为优',
    scoreHigher: '得分 = 比率 × 100。',
    scoreLower: '得分 = 100 − 比率 × 100，最低 0 分。',
    scorePer100: '得分 = 100 − 每百件标记数，最低 0 分。',
    'desc.onTimeRate':
      '本季度办结的办件中，在承诺期限（含暂停计时顺延）当日 24:00 前办结的比例。分母为本季度办结件数。',
    'desc.earlyRate':
      '本季度办结的办件中，已用时限少于承诺时限（承诺期限之前办结）的比例。即办件当日即到期、无所谓提前，不计入分母。',
    'desc.limitUtilisation':
      '本季度办结的办件已用时限 ÷ 承诺时限的平均值；单件超过 1（超期）按 1 计。即办件和按截止时刻办理的办件不计。',
    'desc.overdueRate': '（本季度超期办结件 + 季度末超期未办结件）÷ 计入考核的办件数。',
    'desc.goodRate':
      '本季度收到的本部门办件评价中，“满意”“非常满意”（4–5 级）所占比例；“基本满意”（3 级）为中性，计入分母。',
    'desc.rectificationRate':
      '整改期在本季度届满的差评（1–2 级，不论在哪个季度收到）中，在评价之后 {days} 个工作日内整改反馈的比例。每条差评恰在其整改期届满的季度评判一次，跨季度的差评不会漏评；季度尚未结束时，整改期未满且未整改的差评暂不计入。',
    'desc.slowActionRate':
      '计入考核的办件在季度末所触发的办件级慢作为标记（滞留、受理未办、多次补正、暂停过长、暂停超申请天数、超期未办结，每件每条规则至多 1 个），加上部门本季度的临期突击标记（部门级，触发时计 1 个），合计 × 100 ÷ 计入考核件数，即每百件标记数。',
    'title.period': '统计期与评估时点',
    'title.counted': '计入考核的办件',
    'title.score': '得分与综合分',
    'title.minimum': '最低样本量、并列与名次变化',
    'title.rectification': '差评整改期',
    'title.slowAction': '慢作为标记',
    'title.differs': '与通用规则表不同的口径及理由',
    'title.city': '全市合计与覆盖',
    period:
      '统计期为自然季度（北京时间）：{quarter} 即 {from} 至 {to}。评估时点为 {asOf}{state}；晚于评估时点的办结、评价、整改反馈一律不计入，已通报季度的结果不随后续数据改变。',
    periodPartial: '（季度尚未结束，为截至该时点的数据，季度结束后结果会变化）',
    periodEnded: '（季度末）',
    workingDays:
      '时限按工作日计算（国务院公布的节假日与调休安排），受理当日不计，暂停计时（特别程序）的工作日不计。',
    counted:
      '本季度内办结的办件（含不予受理、退回、撤回等办理终结），以及季度末仍在办且已超过承诺期限的办件；季度末在办且未超期的办件结果未定，不计入。部门以办件的承办部门为准。',
    scale:
      '各指标按绝对刻度计 0–100 分（见上表），可跨季度比较。比率保留 6 位小数，指标得分保留 2 位小数，综合分由 2 位小数的指标得分计算后保留 2 位小数（四舍五入），表中数字即参与排名的数字。',
    composite:
      '综合分 = Σ（权重 × 指标得分）÷ Σ 权重，只对有数据的指标求和，权重重新归一；缺数据指标的权重在表中标为“缺 x / {total} 权重”。',
    minimum: '计入考核件数少于 {min} 件的部门列为“样本不足”，照常计算得分，但不参与排名。',
    ties: '综合分（2 位小数）相同的部门名次并列，其后名次顺延（如 1、2、2、4）；同分部门按部门编号排列。',
    changes:
      '名次变化与上一季度（{previous}，同一口径、在其季度末评估）的名次比较：▲ 上升，▼ 下降，= 不变，— 上季度未排名。',
    rectification:
      '差评（1–2 级）须在评价之后 {days} 个工作日内整改反馈（评价当日不计，末日 24:00 截止）。每条差评在其整改期届满的季度评判一次：期内整改计为已整改，期满未整改（含逾期后才整改）计为未整改。因此季度末收到的差评在下一季度评判，不会因跨季度而漏评；季度尚未结束时，整改期未满且未整改的差评暂不计入，单独列示。好评率的评价按评价时间归入季度。',
    caseRule: '{name}：{rule}',
    rushRule:
      '{name}（部门级，按本季度办结件判定，触发时计为该部门 1 个慢作为标记，计入慢作为率，并在名次旁提示）：{rule}',
    differsEarly:
      '提前办结率：即办件（承诺时限 0 日）当日到期，无从“提前”，不计入分母（通用规则表为“提前办结件 ÷ 全部办结件”）；否则以即办件为主的部门会被系统性压低。部门只有即办件时该项无数据。',
    differsUtilisation:
      '时限利用率：每件按“已用时限 ÷ 承诺时限”计，超过 1（超期）按 1 计（通用规则表为不封顶的平均值）；超期已由按时办结率、超期件率扣分，不应让个别严重超期的办件压过大量及时办结的办件。即办件和按截止时刻办理的办件不计。',
    differsHoliday:
      '即办件在节假日受理（或受理当日即暂停计时）：截止于其后第一个计时工作日 24:00，计算剩余与超期时有效时限按 1 个工作日计（而非 0），因此当天办结为按时办结，不算超期 1 日。',
    city: '全市合计由各部门的分子、分母分别相加后计算（按办件量加权），不是部门比率的平均。覆盖情况注明有数据的部门数与参与排名的部门数。',
  },
  {
    colIndicator: 'Indicator',
    colWeight: 'Weight',
    colWeightTotal: 'Weight (total {total})',
    colDirection: 'Better',
    colMeaning: 'How it is computed',
    colScoring: 'Score',
    weight: '{weight} ({share})',
    higher: 'Higher',
    lower: 'Lower',
    scoreHigher: 'Score = rate × 100.',
    scoreLower: 'Score = 100 − rate × 100, at least 0.',
    scorePer100: 'Score = 100 − flags per 100 cases, at least 0.',
    'desc.onTimeRate':
      'Of the cases completed in the quarter, the share completed by 24:00 of the committed deadline (extended by suspensions). The denominator is the cases completed in the quarter.',
    'desc.earlyRate':
      'Of the cases completed in the quarter, the share that used less than the committed limit (completed before the deadline). Same-day cases are due the day they arrive and cannot be early, so they are left out of the denominator.',
    'desc.limitUtilisation':
      'The mean of used time ÷ committed limit over the cases completed in the quarter; a case over 1 (overdue) counts as 1. Same-day cases and cases with a due time are left out.',
    'desc.overdueRate':
      '(Cases completed late in the quarter + cases still open past the deadline at quarter end) ÷ counted cases.',
    'desc.goodRate':
      'Of the reviews of the department’s cases received in the quarter, the share rated “satisfied” or “very satisfied” (4–5); “fairly satisfied” (3) is neutral and stays in the denominator.',
    'desc.rectificationRate':
      'Of the bad reviews (1–2) whose rectification window closes in the quarter, whichever quarter they arrived in, the share rectified within {days} working days of the review. Each bad review is judged once, in the quarter its window closes, so none escapes across quarters; while the quarter runs, reviews still inside their window and not yet rectified are left out.',
    'desc.slowActionRate':
      'The case-level slow-action flags of the counted cases at quarter end (step stall, accepted with nothing done, repeated corrections, overlong suspension, suspension over approved days, overdue inaction; at most one per case and rule), plus the department’s deadline-rush flag of the quarter (department level, one flag when raised), × 100 ÷ counted cases: flags per 100 cases.',
    'title.period': 'Period and evaluation time',
    'title.counted': 'Cases counted',
    'title.score': 'Scores and the composite',
    'title.minimum': 'Minimum volume, ties and rank changes',
    'title.rectification': 'Rectification window for bad reviews',
    'title.slowAction': 'Slow-action flags',
    'title.differs': 'Where the rules differ from the general rule table, and why',
    'title.city': 'City totals and coverage',
    period:
      'The period is a calendar quarter (Beijing time): {quarter} runs from {from} to {to}. Evaluated at {asOf}{state}; completions, reviews and rectifications after that time are not counted, and a published quarter’s results never change with later data.',
    periodPartial:
      ' (the quarter has not ended: figures as of that time, which will change once it ends)',
    periodEnded: ' (quarter end)',
    workingDays:
      'Time limits count working days (the State Council’s holidays and make-up days); the acceptance day and suspended working days (special procedures) are not counted.',
    counted:
      'Cases completed in the quarter (including those closed by refusal, return or withdrawal), and cases still open at quarter end that are past their committed deadline; open cases not yet overdue have no result yet and are not counted. A case counts for the department that handles it.',
    scale:
      'Each indicator is scored 0–100 on an absolute scale (see the table above), comparable across quarters. Rates keep 6 decimals and indicator scores 2; the composite is computed from the 2-decimal scores and rounded to 2 decimals, so the numbers shown are the numbers ranked.',
    composite:
      'Composite = Σ (weight × indicator score) ÷ Σ weights, over the indicators with data only, the weights renormalised; the weight of indicators without data is shown as “missing x / {total} weight”.',
    minimum:
      'Departments with fewer than {min} counted cases are listed as “too few cases”: scored as usual but not ranked.',
    ties: 'Departments with the same composite (2 decimals) share a rank and the next rank is skipped (1, 2, 2, 4); tied departments are listed by department id.',
    changes:
      'Rank changes compare with the previous quarter ({previous}, same rules, evaluated at its end): ▲ up, ▼ down, = unchanged, — not ranked last quarter.',
    rectification:
      'A bad review (1–2) must be rectified within {days} working days after the review (the review day not counted, the last day ending at 24:00). Each is judged once, in the quarter its window closes: rectified within the window counts as rectified, otherwise (including late rectification) as not rectified. A bad review received at quarter end is judged in the next quarter, so none escapes across quarters; while the quarter runs, reviews still inside their window and not yet rectified are left out and listed apart. Good reviews count in the quarter they were given.',
    caseRule: '{name}: {rule}',
    rushRule:
      '{name} (department level, judged on the quarter’s completed cases; when raised it is one slow-action flag of the department, counts in the slow-action rate and is shown beside the rank): {rule}',
    differsEarly:
      'Early completion rate: a same-day case (limit 0 days) is due the day it arrives and cannot be early, so it is left out of the denominator (the general rule table divides by all completed cases); otherwise departments handling mostly same-day cases would be pushed down systematically. A department with same-day cases only has no value.',
    differsUtilisation:
      'Time-limit utilisation: each case counts used time ÷ committed limit, capped at 1 when overdue (the general rule table takes an uncapped mean); lateness is already penalised by the on-time and overdue rates, and a few very late cases should not outweigh many timely ones. Same-day cases and cases with a due time are left out.',
    differsHoliday:
      'A same-day case accepted on a holiday (or suspended on its acceptance day) is due at 24:00 of the next counted working day, and its effective limit is 1 working day (not 0) when computing time left and overdue days, so completing it that day is on time, not 1 day overdue.',
    city: 'City totals add up the departments’ numerators and denominators (weighted by volume); they are not the mean of the departments’ rates. Coverage states how many departments have data and how many are ranked.',
  },
);

export interface MethodologyRow {
  key: IndicatorKey;
  name: string;
  weight: string;
  direction: string;
  description: string;
  scoring: string;
}

export interface MethodologySectionText {
  title: string;
  paragraphs: string[];
}

export interface MethodologyWords {
  rows: MethodologyRow[];
  weightTitle: string;
  columns: {
    indicator: string;
    weight: string;
    direction: string;
    meaning: string;
    scoring: string;
  };
  sections: MethodologySectionText[];
}

/** The case-level rules, as the domain classes them (临期突击 and 逾期未反馈 are departments'). */
const CASE_RULES: readonly SlowActionCode[] = SLOW_ACTION_RULES.filter(
  (r) => r.level === 'case',
).map((r) => r.code);

/** The methodology worded in `locale` (pure). */
export function methodologyText(r: RankingMethodology, locale: Locale): MethodologyWords {
  const m = table.forLocale(locale);
  const sa = slowActionTextFor(locale);
  const rows = r.indicators.map((i): MethodologyRow => {
    const w = indicatorWords(locale, i.key, r.rectificationWindowDays);
    return {
      key: i.key,
      name: w.name,
      weight: m('weight', { weight: i.weight, share: `${(i.share * 100).toFixed(1)}%` }),
      direction: i.better === 'higher' ? m('higher') : m('lower'),
      description: w.description,
      scoring: w.scoring,
    };
  });
  const t = r.thresholds;
  const sections: MethodologySectionText[] = [
    {
      title: m('title.period'),
      paragraphs: [
        m('period', {
          quarter: r.quarter,
          from: r.from,
          to: r.to,
          asOf: r.asOf,
          state: r.partial ? m('periodPartial') : m('periodEnded'),
        }),
        m('workingDays'),
      ],
    },
    { title: m('title.counted'), paragraphs: [m('counted')] },
    { title: m('title.score'), paragraphs: [m('scale'), m('composite', { total: r.totalWeight })] },
    {
      title: m('title.minimum'),
      paragraphs: [
        m('minimum', { min: r.minCountedCases }),
        m('ties'),
        m('changes', { previous: r.previousQuarter }),
      ],
    },
    {
      title: m('title.rectification'),
      paragraphs: [m('rectification', { days: r.rectificationWindowDays })],
    },
    {
      title: m('title.slowAction'),
      paragraphs: [
        ...CASE_RULES.map((c) =>
          m('caseRule', { name: sa.ruleName(c), rule: sa.ruleDescription(c, t) }),
        ),
        m('rushRule', {
          name: sa.ruleName('deadline-rush'),
          rule: sa.ruleDescription('deadline-rush', t),
        }),
      ],
    },
    {
      title: m('title.differs'),
      paragraphs: [m('differsEarly'), m('differsUtilisation'), m('differsHoliday')],
    },
    { title: m('title.city'), paragraphs: [m('city')] },
  ];
  return {
    rows,
    weightTitle: m('colWeightTotal', { total: r.totalWeight }),
    columns: {
      indicator: m('colIndicator'),
      weight: m('colWeight'),
      direction: m('colDirection'),
      meaning: m('colMeaning'),
      scoring: m('colScoring'),
    },
    sections,
  };
}

/** One indicator's name, meaning and scoring in a UI language (tables, tooltips, the drawer). */
export interface IndicatorWords {
  name: string;
  description: string;
  scoring: string;
}

export function indicatorWords(
  locale: Locale,
  key: IndicatorKey,
  rectificationWindowDays: number,
): IndicatorWords {
  const m = table.forLocale(locale);
  const d = describeIndicators().find((i) => i.key === key);
  return {
    name: d ? (locale === 'en' ? d.nameEn : d.name) : key,
    description: m(`desc.${key}`, { days: rectificationWindowDays }),
    scoring:
      d?.unit === 'per100'
        ? m('scorePer100')
        : d?.better === 'higher'
          ? m('scoreHigher')
          : m('scoreLower'),
  };
}
