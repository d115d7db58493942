/**
 * The seven ranking indicators as the methodology panel (口径说明) explains them. The wording
 * matches docs/ranking.md, which is the longer version with the reasons behind each choice.
 */
import {
  DEFAULT_RANKING_SETTINGS,
  INDICATOR_KEYS,
  type IndicatorKey,
  type RankingSettings,
} from './settings';

/** Whether a higher or a lower value is better. */
export type IndicatorDirection = 'higher' | 'lower';

/** How an indicator's value reads: a share 0..1, or a count per 100 counted cases. */
export type IndicatorUnit = 'ratio' | 'per100';

/** One indicator, for tables, chart legends and the methodology panel. */
export interface IndicatorInfo {
  key: IndicatorKey;
  /** Chinese name, e.g. 按时办结率. */
  name: string;
  /** English name for the language switch. */
  nameEn: string;
  better: IndicatorDirection;
  unit: IndicatorUnit;
  /** Default weight. */
  defaultWeight: number;
  /** What is counted, in one or two Chinese sentences. */
  description: string;
  /** How the 0–100 score is derived from the value. */
  scoring: string;
}

/**
 * The indicator list with the given settings written into the descriptions (the rectification
 * window appears in 差评整改率), for the methodology panel under the administrator's settings.
 */
export function describeIndicators(s: RankingSettings = DEFAULT_RANKING_SETTINGS): IndicatorInfo[] {
  const higher = '得分 = 比率 × 100。';
  const lower = '得分 = 100 − 比率 × 100，最低 0 分。';
  const all: Record<IndicatorKey, Omit<IndicatorInfo, 'key' | 'defaultWeight'>> = {
    onTimeRate: {
      name: '按时办结率',
      nameEn: 'On-time completion rate',
      better: 'higher',
      unit: 'ratio',
      description:
        '本季度办结的办件中，在承诺期限（含暂停计时顺延）当日 24:00 前办结的比例。分母为本季度办结件数。',
      scoring: higher,
    },
    earlyRate: {
      name: '提前办结率',
      nameEn: 'Early completion rate',
      better: 'higher',
      unit: 'ratio',
      description:
        '本季度办结的办件中，已用时限少于承诺时限（承诺期限之前办结）的比例。即办件当日即到期、无所谓提前，不计入分母。',
      scoring: higher,
    },
    limitUtilisation: {
      name: '时限利用率',
      nameEn: 'Time-limit utilisation',
      better: 'lower',
      unit: 'ratio',
      description:
        '本季度办结的办件已用时限 ÷ 承诺时限的平均值；单件超过 1（超期）按 1 计。即办件和按截止时刻办理的办件不计。',
      scoring: lower,
    },
    overdueRate: {
      name: '超期件率',
      nameEn: 'Overdue rate',
      better: 'lower',
      unit: 'ratio',
      description: '（本季度超期办结件 + 季度末超期未办结件）÷ 计入考核的办件数。',
      scoring: lower,
    },
    goodRate: {
      name: '好评率',
      nameEn: 'Good-review rate',
      better: 'higher',
      unit: 'ratio',
      description:
        '本季度收到的本部门办件评价中，“满意”“非常满意”（4–5 级）所占比例；“基本满意”（3 级）为中性，计入分母。',
      scoring: higher,
    },
    rectificationRate: {
      name: '差评整改率',
      nameEn: 'Bad-review rectification rate',
      better: 'higher',
      unit: 'ratio',
      description: `整改期在本季度届满的差评（1–2 级，不论在哪个季度收到）中，在评价之后 ${s.rectificationWindowDays} 个工作日内整改反馈的比例。每条差评恰在其整改期届满的季度评判一次，跨季度的差评不会漏评；季度尚未结束时，整改期未满且未整改的差评暂不计入。`,
      scoring: higher,
    },
    slowActionRate: {
      name: '慢作为率',
      nameEn: 'Slow-action flags per 100 cases',
      better: 'lower',
      unit: 'per100',
      description:
        '计入考核的办件在季度末所触发的办件级慢作为标记（滞留、受理未办、多次补正、暂停过长、暂停超申请天数、超期未办结，每件每条规则至多 1 个），加上部门本季度的临期突击标记（部门级，触发时计 1 个），合计 × 100 ÷ 计入考核件数，即每百件标记数。',
      scoring: '得分 = 100 − 每百件标记数，最低 0 分。',
    },
  };
  return INDICATOR_KEYS.map((key) => ({
    key,
    defaultWeight: DEFAULT_RANKING_SETTINGS.weights[key],
    ...all[key],
  }));
}

/** The indicators under the default settings. */
export const INDICATORS: readonly IndicatorInfo[] = Object.freeze(describeIndicators());

/** Metadata of one indicator (default settings). */
export function indicatorInfo(key: IndicatorKey): IndicatorInfo {
  return INDICATORS.find((i) => i.key === key) as IndicatorInfo;
}
