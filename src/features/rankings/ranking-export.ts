/**
 * The ranking table's export columns (XLSX / CSV): one column per figure the table shows —
 * status, rank, change, department, counted cases, composite, the weight gap, and for each
 * indicator its score, value, numerator and denominator — over `rankingExportRows`, the same rows
 * in the same order as the page (ranked, 样本不足, no data, city pooled). Headers and the words in
 * cells follow the UI language, like every other export; department names are feed data.
 */
import { INDICATOR_KEYS, type IndicatorInfo } from '../../domain/ranking';
import type { QuarterRanking } from '../../engine/ranking';
import {
  indicatorsOf,
  type RankingExportRow,
  type RankingRowStatus,
} from '../../engine/ranking-view';
import type { TableColumn } from '../../export/table-export';
import { defineMessages, type Locale } from '../../i18n';
import { groupNameFor } from '../../ui/group-name';

const words = defineMessages(
  {
    status: '状态',
    group: '组别',
    groupRank: '组内名次',
    groupRankChange: '组内名次变化（正数为上升）',
    rank: '全市名次',
    rankChange: '名次变化（正数为上升）',
    previousRank: '上季度（{quarter}）名次',
    departmentId: '部门编号',
    department: '部门',
    counted: '计入考核件数',
    composite: '综合分',
    missingWeight: '缺数据指标权重',
    indicatorScore: '{name}得分',
    indicatorPer100: '{name}（每百件标记数）',
    numerator: '{name}分子',
    utilisationNumerator: '{name}分子（利用率之和）',
    denominator: '{name}分母',
    'status.排名': '排名',
    'status.样本不足': '样本不足',
    'status.无数据': '无数据',
    'status.全市合计': '全市合计',
    cityRow: '全市（合并计数）',
    cityRowId: '全市',
  },
  {
    status: 'Status',
    group: 'Group',
    groupRank: 'Rank in group',
    groupRankChange: 'Change in group rank (positive = up)',
    rank: 'City-wide rank',
    rankChange: 'Rank change (positive = up)',
    previousRank: 'Rank last quarter ({quarter})',
    departmentId: 'Department ID',
    department: 'Department',
    counted: 'Counted cases',
    composite: 'Composite score',
    missingWeight: 'Weight of indicators without data',
    indicatorScore: '{name} score',
    indicatorPer100: '{name} (flags per 100 cases)',
    numerator: '{name} numerator',
    utilisationNumerator: '{name} numerator (sum of utilisations)',
    denominator: '{name} denominator',
    'status.排名': 'Ranked',
    'status.样本不足': 'Sample too small',
    'status.无数据': 'No data',
    'status.全市合计': 'City total',
    cityRow: 'City (pooled counts)',
    cityRowId: 'CITY',
  },
);

function indicatorColumns(
  info: IndicatorInfo,
  locale: Locale,
  w: ReturnType<typeof words.forLocale>,
): TableColumn<RankingExportRow>[] {
  const k = info.key;
  const name = locale === 'en' ? info.nameEn : info.name;
  const per100 = info.unit === 'per100';
  return [
    {
      key: `${k}.score`,
      header: w('indicatorScore', { name }),
      kind: 'number',
      decimals: 2,
      value: (r) => r.indicators[k].score,
    },
    {
      key: `${k}.value`,
      header: per100 ? w('indicatorPer100', { name }) : name,
      kind: per100 ? 'number' : 'percent',
      decimals: 2,
      value: (r) => r.indicators[k].value,
    },
    {
      key: `${k}.numerator`,
      header:
        k === 'limitUtilisation' ? w('utilisationNumerator', { name }) : w('numerator', { name }),
      kind: k === 'limitUtilisation' ? 'number' : 'integer',
      decimals: 6,
      value: (r) => r.indicators[k].numerator,
    },
    {
      key: `${k}.denominator`,
      header: w('denominator', { name }),
      kind: 'integer',
      value: (r) => r.indicators[k].denominator,
    },
  ];
}

/** The export columns of a ranking (indicator names under the settings it was computed with). */
export function rankingExportColumns(
  r: QuarterRanking,
  locale: Locale,
): TableColumn<RankingExportRow>[] {
  const w = words.forLocale(locale);
  const infos = indicatorsOf(r);
  const statusText = (s: RankingRowStatus) => w(`status.${s}`);
  const groupText = groupNameFor(locale);
  return [
    { key: 'status', header: w('status'), kind: 'text', value: (x) => statusText(x.status) },
    {
      key: 'group',
      header: w('group'),
      kind: 'text',
      value: (x) => (x.group === null ? null : groupText(x.group)),
    },
    { key: 'groupRank', header: w('groupRank'), kind: 'integer', value: (x) => x.groupRank },
    {
      key: 'groupRankChange',
      header: w('groupRankChange'),
      kind: 'integer',
      value: (x) => x.groupRankChange,
    },
    { key: 'rank', header: w('rank'), kind: 'integer', value: (x) => x.rank },
    { key: 'rankChange', header: w('rankChange'), kind: 'integer', value: (x) => x.rankChange },
    {
      key: 'previousRank',
      header: w('previousRank', { quarter: r.previousQuarter }),
      kind: 'integer',
      value: (x) => x.previousRank,
    },
    {
      key: 'departmentId',
      header: w('departmentId'),
      kind: 'text',
      value: (x) => (x.status === '全市合计' ? w('cityRowId') : x.departmentId),
    },
    {
      key: 'departmentName',
      header: w('department'),
      kind: 'text',
      width: 18,
      value: (x) => (x.status === '全市合计' ? w('cityRow') : x.departmentName),
    },
    { key: 'counted', header: w('counted'), kind: 'integer', value: (x) => x.counted },
    { key: 'score', header: w('composite'), kind: 'number', decimals: 2, value: (x) => x.score },
    {
      key: 'missingWeight',
      header: w('missingWeight'),
      kind: 'number',
      decimals: 2,
      value: (x) => x.missingWeight,
    },
    ...INDICATOR_KEYS.flatMap((k) => {
      const info = infos.find((i) => i.key === k);
      return info ? indicatorColumns(info, locale, w) : [];
    }),
  ];
}
