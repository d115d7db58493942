/**
 * The 季度通报's narrative in the reader's language: the facts of `bulletinNarrative` worded by
 * this message table (department names stay as the feed has them, marked lang="zh-CN").
 */
import type { ReactNode } from 'react';
import type { BulletinNarrative, NarrativeDepartment } from '../engine/bulletin-narrative';
import { formatIndicatorValue, formatScore } from '../engine/ranking-view';
import { defineMessages, intlLocale, translate, useLocaleStore } from '../i18n';
import { FeedText } from '../ui/feed-text';
import { useGroupName } from '../ui/group-name';
import { joinNodes, richMessage } from '../ui/rich-message';

const useMsg = defineMessages(
  {
    listSeparator: '、',
    clauseSeparator: '；',
    titleOverview: '一、总体情况',
    titleGroups: '二、分类排名情况',
    titleProblems: '三、存在的主要问题',
    titleRectify: '四、整改要求',
    overview:
      '{quarter}（{from} 至 {to}），全市 {departments} 个部门中 {ranked} 个参与评比排队（计入考核办件不少于 {min} 件），计入考核办件 {counted} 件。全市综合分 {score} 分，按时办结率 {onTime}，超期件率 {overdueRate}（超期 {overdue} 件），好评率 {good}，差评整改率 {rectification}。按照分类排名的原则，市直部门、区县、乡镇街道分别排名。',
    scored: '{name}（{score} 分）',
    groupAll: '{group}：{n} 个部门参与排名，为 {names}。',
    groupEnds:
      '{group}：{n} 个部门参与排名，位列前 {k} 名的是 {top}；位列后 {k} 名的是 {bottom}{insufficient}。',
    groupInsufficient: '；{names}计入考核办件不足 {min} 件，不参与排名',
    move: '{name}（{group}第 {from} 名→第 {to} 名）',
    rises: '与{previous}相比，组内名次上升最多的是 {list}',
    falls: '下降最多的是 {list}',
    noChange: '与{previous}相比，各组名次无变化或无可比数据。',
    sentenceEnd: '。',
    overdue: '本季度超期件（超期办结及季度末超期未办结）最多的是 {list}。',
    overdueItem: '{name} {n} 件（超期件率 {rate}）',
    rush: '{names}本季度存在临期突击办结（大量办件在承诺期限当日办结），已计入慢作为率。',
    supervision:
      '本季度全市新增红牌 {red} 张，督办单逾期未反馈 {notices} 件（每件计为所属部门 1 个慢作为标记）。',
    supervisionNone: '本季度全市无新增红牌，无逾期未反馈的督办单。',
    supervisionTop: '红牌与逾期未反馈督办单较多的是 {list}。',
    supervisionItem: '{name}（红牌 {red} 张、逾期未反馈 {notices} 件）',
    noProblems: '本季度未发现超期件与临期突击办结。',
    rectify:
      '请 {names}对照本通报所列指标，查找超期、慢作为和群众差评的原因，于通报印发之日起 15 个工作日内向{office}书面报送整改措施；超期未办结的办件须逐件限时办结。其他部门要对照先进找差距，持续压缩办理时限，提升群众满意度。',
    rectifyAll: '各部门要对照本通报所列指标查找差距，持续压缩办理时限，提升群众满意度。',
  },
  {
    listSeparator: ', ',
    clauseSeparator: '; ',
    titleOverview: '1. Overview',
    titleGroups: '2. Ranking within groups',
    titleProblems: '3. Main problems',
    titleRectify: '4. Rectification required',
    overview:
      '{quarter} ({from} to {to}): {ranked} of the city’s {departments} departments were ranked (at least {min} counted cases), with {counted} counted cases. The city’s composite score is {score}; on-time completion rate {onTime}, overdue rate {overdueRate} ({overdue} overdue cases), good-review rate {good}, bad-review rectification rate {rectification}. Municipal departments, districts and counties, and towns and subdistricts are ranked separately.',
    scored: '{name} ({score})',
    groupAll: '{group}: {n} departments ranked: {names}.',
    groupEnds:
      '{group}: {n} departments ranked. The top {k}: {top}; the bottom {k}: {bottom}{insufficient}.',
    groupInsufficient: '; {names} had fewer than {min} counted cases and were not ranked',
    move: '{name} ({group}, rank {from} → {to})',
    rises: 'Compared with {previous}, the largest rises within groups: {list}',
    falls: 'the largest falls: {list}',
    noChange:
      'Compared with {previous}, no rank within a group changed, or there is nothing to compare.',
    sentenceEnd: '.',
    overdue:
      'Most overdue cases this quarter (completed late, or still open past the deadline at quarter end): {list}.',
    overdueItem: '{name} {n} (overdue rate {rate})',
    rush: '{names} rushed completions onto the deadline day this quarter (deadline rush); this counts in the slow-action rate.',
    supervision:
      'This quarter the city issued {red} new red cards, and {notices} supervision notices became overdue without feedback (each counts as one slow-action flag of its department).',
    supervisionNone:
      'This quarter the city issued no new red card, and no supervision notice became overdue.',
    supervisionTop: 'Most red cards and overdue notices: {list}.',
    supervisionItem: '{name} ({red} red cards, {notices} overdue notices)',
    noProblems: 'No overdue case and no deadline rush this quarter.',
    rectify:
      '{names}: review the indicators of this bulletin, find the causes of overdue cases, slow action and bad reviews, and report your rectification measures in writing to {office} within 15 working days of issue; every case still open past its deadline must be completed by a set date. Other departments should learn from the best, keep shortening processing times and raise public satisfaction.',
    rectifyAll:
      'Every department should review the indicators of this bulletin, keep shortening processing times and raise public satisfaction.',
  },
);

export interface NarrativeText {
  title: string;
  paragraphs: ReactNode[];
}

/** Words the narrative's facts in the UI language. */
export function useBulletinNarrativeText(): (n: BulletinNarrative) => NarrativeText[] {
  const m = useMsg();
  const locale = useLocaleStore((s) => s.locale);
  const groupName = useGroupName();
  const intl = intlLocale(locale);
  return (n) => {
    const list = (nodes: ReactNode[]) => joinNodes(nodes, m('listSeparator'));
    const name = (d: NarrativeDepartment) => <FeedText>{d.name}</FeedText>;
    const names = (ds: readonly NarrativeDepartment[]) => list(ds.map(name));
    const count = (x: number) => x.toLocaleString(intl);
    const quarter = (key: string) => {
      const q = /^(\d{4})Q([1-4])$/.exec(key);
      return q
        ? translate(locale, 'period.quarter', { year: q[1] ?? '', quarter: q[2] ?? '' })
        : key;
    };
    const scored = (ds: BulletinNarrative['groups'][number]['top']) =>
      list(
        ds.map((d) =>
          richMessage(m('scored'), { name: name(d), score: formatScore(d.score, intl) }),
        ),
      );
    const rate = (key: keyof BulletinNarrative['city']) =>
      formatIndicatorValue(key, n.city[key].value, intl);

    const overview = m('overview', {
      quarter: quarter(n.quarter),
      from: n.from,
      to: n.to,
      departments: count(n.departments),
      ranked: count(n.ranked),
      min: count(n.minCountedCases),
      counted: count(n.counted),
      score: formatScore(n.cityScore, intl),
      onTime: rate('onTimeRate'),
      overdueRate: rate('overdueRate'),
      overdue: count(n.city.overdueRate.numerator),
      good: rate('goodRate'),
      rectification: rate('rectificationRate'),
    });

    const groups = n.groups.map((g) =>
      g.all.length > 0
        ? richMessage(m('groupAll'), {
            group: groupName(g.group),
            n: count(g.ranked),
            names: scored(g.all),
          })
        : richMessage(m('groupEnds'), {
            group: groupName(g.group),
            n: count(g.ranked),
            k: count(g.top.length),
            top: scored(g.top),
            bottom: scored(g.bottom),
            insufficient:
              g.insufficient.length > 0
                ? richMessage(m('groupInsufficient'), {
                    names: names(g.insufficient),
                    min: count(n.minCountedCases),
                  })
                : null,
          }),
    );
    const moves = (ds: BulletinNarrative['rises']) =>
      list(
        ds.map((d) =>
          richMessage(m('move'), {
            name: name(d),
            group: groupName(d.group),
            from: d.from === null ? '—' : count(d.from),
            to: d.to === null ? '—' : count(d.to),
          }),
        ),
      );
    const changes: ReactNode[] = [];
    if (n.rises.length > 0)
      changes.push(
        richMessage(m('rises'), { previous: quarter(n.previousQuarter), list: moves(n.rises) }),
      );
    if (n.falls.length > 0) changes.push(richMessage(m('falls'), { list: moves(n.falls) }));
    const changePara =
      changes.length > 0 ? (
        <>
          {joinNodes(changes, m('clauseSeparator'))}
          {m('sentenceEnd')}
        </>
      ) : (
        m('noChange', { previous: quarter(n.previousQuarter) })
      );

    const problems: ReactNode[] = [];
    if (n.overdue.length > 0)
      problems.push(
        richMessage(m('overdue'), {
          list: list(
            n.overdue.map((d) =>
              richMessage(m('overdueItem'), {
                name: name(d),
                n: count(d.overdue),
                rate: formatIndicatorValue('overdueRate', d.rate, intl),
              }),
            ),
          ),
        }),
      );
    if (n.deadlineRush.length > 0)
      problems.push(richMessage(m('rush'), { names: names(n.deadlineRush) }));
    if (problems.length === 0) problems.push(m('noProblems'));
    const s = n.supervision;
    if (s !== null) {
      problems.push(
        s.redCards + s.overdueNotices > 0
          ? m('supervision', { red: count(s.redCards), notices: count(s.overdueNotices) })
          : m('supervisionNone'),
      );
      if (s.departments.length > 0)
        problems.push(
          richMessage(m('supervisionTop'), {
            list: list(
              s.departments.map((d) =>
                richMessage(m('supervisionItem'), {
                  name: name(d),
                  red: count(d.redCards),
                  notices: count(d.overdueNotices),
                }),
              ),
            ),
          }),
        );
    }

    const rectify =
      n.mustRectify.length > 0
        ? richMessage(m('rectify'), {
            names: names(n.mustRectify),
            office: <FeedText>{n.office}</FeedText>,
          })
        : m('rectifyAll');

    return [
      { title: m('titleOverview'), paragraphs: [overview] },
      { title: m('titleGroups'), paragraphs: [...groups, changePara] },
      { title: m('titleProblems'), paragraphs: problems },
      { title: m('titleRectify'), paragraphs: [rectify] },
    ];
  };
}
