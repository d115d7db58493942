/**
 * The words of the 季度通报, generated from its figures only (so the public bulletin, which has no
 * evidence, says the same as the printed one): the overall picture, the top and bottom of each
 * group, the largest rises and falls within groups, overdue cases and 临期突击, and what the
 * departments concerned must rectify. Chinese, as the document is (it is printed lang="zh-CN").
 */
import { formatIndicatorValue, formatScore } from './ranking-view';
import { bulletinGroups, quarterText, type BulletinDepartment, type Bulletin } from './bulletin';

export interface NarrativeSection {
  title: string;
  paragraphs: string[];
}

const nameOf = (d: BulletinDepartment) => d.departmentName ?? d.departmentId;
const scored = (d: BulletinDepartment) => `${nameOf(d)}（${formatScore(d.score)} 分）`;

/** How many departments to name at each end of a group: 3, fewer in a small group. */
function endSize(n: number): number {
  return n >= 6 ? 3 : Math.floor(n / 2);
}

export function bulletinNarrative(b: Bulletin): NarrativeSection[] {
  const r = b.ranking;
  const groups = bulletinGroups(r);
  const q = quarterText(r.quarter);
  const city = r.city.indicators;
  const overview = `${q}（${r.from} 至 ${r.to}），全市 ${r.coverage.departments} 个部门中 ${r.coverage.ranked} 个参与评比排队（计入考核办件不少于 ${r.minCountedCases} 件），计入考核办件 ${r.city.counted.toLocaleString('zh-CN')} 件。全市综合分 ${formatScore(r.city.score)} 分，按时办结率 ${formatIndicatorValue('onTimeRate', city.onTimeRate.value)}，超期件率 ${formatIndicatorValue('overdueRate', city.overdueRate.value)}（超期 ${city.overdueRate.numerator.toLocaleString('zh-CN')} 件），好评率 ${formatIndicatorValue('goodRate', city.goodRate.value)}，差评整改率 ${formatIndicatorValue('rectificationRate', city.rectificationRate.value)}。按照分类排名的原则，市直部门、区县、乡镇街道分别排名。`;

  const groupParas = groups
    .filter((g) => g.ranked.length > 0)
    .map((g) => {
      const k = endSize(g.ranked.length);
      const top = g.ranked.slice(0, k);
      const bottom = g.ranked.slice(g.ranked.length - k);
      const head = `${g.group}：${g.ranked.length} 个部门参与排名`;
      if (k === 0) return `${head}，为 ${g.ranked.map(scored).join('、')}。`;
      const insufficient =
        g.insufficient.length > 0
          ? `；${g.insufficient.map(nameOf).join('、')}计入考核办件不足 ${r.minCountedCases} 件，不参与排名`
          : '';
      return `${head}，位列前 ${k} 名的是 ${top.map(scored).join('、')}；位列后 ${k} 名的是 ${bottom.map(scored).join('、')}${insufficient}。`;
    });

  const moved = r.departments.filter((d) => d.groupRankChange !== null && d.groupRankChange !== 0);
  const rises = moved
    .filter((d) => (d.groupRankChange ?? 0) > 0)
    .sort((a, b) => (b.groupRankChange ?? 0) - (a.groupRankChange ?? 0))
    .slice(0, 3);
  const falls = moved
    .filter((d) => (d.groupRankChange ?? 0) < 0)
    .sort((a, b) => (a.groupRankChange ?? 0) - (b.groupRankChange ?? 0))
    .slice(0, 3);
  const move = (d: BulletinDepartment) =>
    `${nameOf(d)}（${d.group}第 ${d.previousGroupRank ?? '—'} 名→第 ${d.groupRank ?? '—'} 名）`;
  const changes: string[] = [];
  if (rises.length > 0)
    changes.push(
      `与${quarterText(r.previousQuarter)}相比，组内名次上升最多的是 ${rises.map(move).join('、')}`,
    );
  if (falls.length > 0) changes.push(`下降最多的是 ${falls.map(move).join('、')}`);
  const changePara =
    changes.length > 0
      ? `${changes.join('；')}。`
      : `与${quarterText(r.previousQuarter)}相比，各组名次无变化或无可比数据。`;

  const overdue = r.departments
    .filter((d) => d.indicators.overdueRate.numerator > 0)
    .sort((a, b) => b.indicators.overdueRate.numerator - a.indicators.overdueRate.numerator)
    .slice(0, 5);
  const rush = r.departments.filter((d) => d.deadlineRush);
  const problems: string[] = [];
  if (overdue.length > 0)
    problems.push(
      `本季度超期件（超期办结及季度末超期未办结）最多的是 ${overdue
        .map(
          (d) =>
            `${nameOf(d)} ${d.indicators.overdueRate.numerator} 件（超期件率 ${formatIndicatorValue('overdueRate', d.indicators.overdueRate.value)}）`,
        )
        .join('、')}。`,
    );
  if (rush.length > 0)
    problems.push(
      `${rush.map(nameOf).join('、')}本季度存在临期突击办结（大量办件在承诺期限当日办结），已计入慢作为率。`,
    );

  const bottoms = groups.flatMap((g) => {
    const k = endSize(g.ranked.length);
    return k === 0 ? [] : g.ranked.slice(g.ranked.length - Math.min(k, 2));
  });
  const mustFix = [...new Map([...bottoms, ...rush].map((d) => [d.departmentId, d])).values()];
  const rectify =
    mustFix.length > 0
      ? `请 ${mustFix.map(nameOf).join('、')}对照本通报所列指标，查找超期、慢作为和群众差评的原因，于通报印发之日起 15 个工作日内向${b.header.office}书面报送整改措施；超期未办结的办件须逐件限时办结。其他部门要对照先进找差距，持续压缩办理时限，提升群众满意度。`
      : '各部门要对照本通报所列指标查找差距，持续压缩办理时限，提升群众满意度。';

  return [
    { title: '一、总体情况', paragraphs: [overview] },
    { title: '二、分类排名情况', paragraphs: [...groupParas, changePara] },
    {
      title: '三、存在的主要问题',
      paragraphs: problems.length > 0 ? problems : ['本季度未发现超期件与临期突击办结。'],
    },
    { title: '四、整改要求', paragraphs: [rectify] },
  ];
}
