/**
 * The methodology (口径说明) of a quarterly ranking, in Chinese, generated from the very settings
 * the ranking was computed with (they travel inside the `rankQuarter` result) and the domain's
 * own indicator and rule descriptions. The page's panel and the printed 季度通报 both render this,
 * so the explanation cannot drift from the computation. docs/ranking.md is the long version.
 */
import { roundTo, type IndicatorKey } from '../domain/ranking';
import { describeSlowActionRules, type SlowActionThresholds } from '../domain/slow-action';
import { indicatorsOf, totalWeight, type RankingFrame } from './ranking-view';

/** One indicator line of the methodology table. */
export interface MethodologyIndicator {
  key: IndicatorKey;
  name: string;
  weight: number;
  /** Weight as a share of all weights, 0..1 (4 decimals). */
  share: number;
  /** 高者为优 / 低者为优. */
  direction: string;
  description: string;
  scoring: string;
}

/** A titled block of the methodology. */
export interface MethodologySection {
  title: string;
  paragraphs: string[];
}

/** Everything the methodology panel and the print show. */
export interface RankingMethodology {
  indicators: MethodologyIndicator[];
  totalWeight: number;
  sections: MethodologySection[];
}

function formatAsOf(iso: string): string {
  // "2026-09-30T23:59:59.999+08:00" → "2026-09-30 23:59"
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
}

/**
 * The methodology of one ranking result.
 *
 * @param r the `rankQuarter` result (its weights, minimum volume and rectification window)
 * @param thresholds the slow-action thresholds the ranking ran with (慢作为率's rules)
 */
export function rankingMethodology(
  r: RankingFrame,
  thresholds: SlowActionThresholds,
): RankingMethodology {
  const total = totalWeight(r);
  const indicators = indicatorsOf(r).map((i) => ({
    key: i.key,
    name: i.name,
    weight: r.weights[i.key],
    share: total > 0 ? roundTo(r.weights[i.key] / total, 4) : 0,
    direction: i.better === 'higher' ? '高者为优' : '低者为优',
    description: i.description,
    scoring: i.scoring,
  }));
  const rules = describeSlowActionRules(thresholds);
  const caseRules = rules.filter((x) => x.level === 'case');
  const rush = rules.find((x) => x.level === 'department');
  const sections: MethodologySection[] = [
    {
      title: '统计期与评估时点',
      paragraphs: [
        `统计期为自然季度（北京时间）：${r.quarter} 即 ${r.from} 至 ${r.to}。评估时点为 ${formatAsOf(r.asOf)}${r.partial ? '（季度尚未结束，为截至该时点的数据，季度结束后结果会变化）' : '（季度末）'}；晚于评估时点的办结、评价、整改反馈一律不计入，已通报季度的结果不随后续数据改变。`,
        '时限按工作日计算（国务院公布的节假日与调休安排），受理当日不计，暂停计时（特别程序）的工作日不计。',
      ],
    },
    {
      title: '计入考核的办件',
      paragraphs: [
        '本季度内办结的办件（含不予受理、退回、撤回等办理终结），以及季度末仍在办且已超过承诺期限的办件；季度末在办且未超期的办件结果未定，不计入。部门以办件的承办部门为准。',
      ],
    },
    {
      title: '得分与综合分',
      paragraphs: [
        '各指标按绝对刻度计 0–100 分（见上表），可跨季度比较。比率保留 6 位小数，指标得分保留 2 位小数，综合分由 2 位小数的指标得分计算后保留 2 位小数（四舍五入），表中数字即参与排名的数字。',
        `综合分 = Σ（权重 × 指标得分）÷ Σ 权重，只对有数据的指标求和，权重重新归一；缺数据指标的权重在表中标为“缺 x / ${total} 权重”。`,
      ],
    },
    {
      title: '最低样本量、并列与名次变化',
      paragraphs: [
        `计入考核件数少于 ${r.minCountedCases} 件的部门列为“样本不足”，照常计算得分，但不参与排名。`,
        '综合分（2 位小数）相同的部门名次并列，其后名次顺延（如 1、2、2、4）；同分部门按部门编号排列。',
        `名次变化与上一季度（${r.previousQuarter}，同一口径、在其季度末评估）的名次比较：▲ 上升，▼ 下降，＝ 不变，— 上季度未排名。`,
      ],
    },
    {
      title: '差评整改期',
      paragraphs: [
        `差评（1–2 级）须在评价之后 ${r.rectificationWindowDays} 个工作日内整改反馈（评价当日不计，末日 24:00 截止）。每条差评在其整改期届满的季度评判一次：期内整改计为已整改，期满未整改（含逾期后才整改）计为未整改。因此季度末收到的差评在下一季度评判，不会因跨季度而漏评；季度尚未结束时，整改期未满且未整改的差评暂不计入，单独列示。好评率的评价按评价时间归入季度。`,
      ],
    },
    {
      title: '慢作为标记',
      paragraphs: [
        ...caseRules.map((x) => `${x.name}：${x.description}`),
        rush
          ? `${rush.name}（部门级，按本季度办结件判定，触发时计为该部门 1 个慢作为标记，计入慢作为率，并在名次旁提示）：${rush.description}`
          : '',
      ].filter((p) => p !== ''),
    },
    {
      title: '与通用规则表不同的口径及理由',
      paragraphs: [
        '提前办结率：即办件（承诺时限 0 日）当日到期，无从“提前”，不计入分母（通用规则表为“提前办结件 ÷ 全部办结件”）；否则以即办件为主的部门会被系统性压低。部门只有即办件时该项无数据。',
        '时限利用率：每件按“已用时限 ÷ 承诺时限”计，超过 1（超期）按 1 计（通用规则表为不封顶的平均值）；超期已由按时办结率、超期件率扣分，不应让个别严重超期的办件压过大量及时办结的办件。即办件和按截止时刻办理的办件不计。',
        '即办件在节假日受理（或受理当日即暂停计时）：截止于其后第一个计时工作日 24:00，计算剩余与超期时有效时限按 1 个工作日计（而非 0），因此当天办结为按时办结，不算超期 1 日。',
      ],
    },
    {
      title: '全市合计与覆盖',
      paragraphs: [
        '全市合计由各部门的分子、分母分别相加后计算（按办件量加权），不是部门比率的平均。覆盖情况注明有数据的部门数与参与排名的部门数。',
      ],
    },
  ];
  return { indicators, totalWeight: total, sections };
}
