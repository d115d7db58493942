/**
 * The ranking table's export columns (XLSX / CSV): one column per figure the table shows —
 * status, rank, change, department, counted cases, composite, the weight gap, and for each
 * indicator its score, value, numerator and denominator — over `rankingExportRows`, the same rows
 * in the same order as the page (ranked, 样本不足, no data, city pooled).
 */
import { INDICATOR_KEYS, type IndicatorInfo } from '../../domain/ranking';
import type { QuarterRanking } from '../../engine/ranking';
import { indicatorsOf, type RankingExportRow } from '../../engine/ranking-view';
import type { TableColumn } from '../../export/table-export';

function indicatorColumns(info: IndicatorInfo): TableColumn<RankingExportRow>[] {
  const k = info.key;
  const per100 = info.unit === 'per100';
  return [
    {
      key: `${k}.score`,
      header: `${info.name}得分`,
      kind: 'number',
      decimals: 2,
      value: (r) => r.indicators[k].score,
    },
    {
      key: `${k}.value`,
      header: per100 ? `${info.name}（每百件标记数）` : info.name,
      kind: per100 ? 'number' : 'percent',
      decimals: 2,
      value: (r) => r.indicators[k].value,
    },
    {
      key: `${k}.numerator`,
      header: k === 'limitUtilisation' ? `${info.name}分子（利用率之和）` : `${info.name}分子`,
      kind: k === 'limitUtilisation' ? 'number' : 'integer',
      decimals: 6,
      value: (r) => r.indicators[k].numerator,
    },
    {
      key: `${k}.denominator`,
      header: `${info.name}分母`,
      kind: 'integer',
      value: (r) => r.indicators[k].denominator,
    },
  ];
}

/** The export columns of a ranking (indicator names under the settings it was computed with). */
export function rankingExportColumns(r: QuarterRanking): TableColumn<RankingExportRow>[] {
  const infos = indicatorsOf(r);
  return [
    { key: 'status', header: '状态', kind: 'text', value: (x) => x.status },
    { key: 'group', header: '组别', kind: 'text', value: (x) => x.group },
    { key: 'groupRank', header: '组内名次', kind: 'integer', value: (x) => x.groupRank },
    {
      key: 'groupRankChange',
      header: '组内名次变化（正数为上升）',
      kind: 'integer',
      value: (x) => x.groupRankChange,
    },
    { key: 'rank', header: '全市名次', kind: 'integer', value: (x) => x.rank },
    {
      key: 'rankChange',
      header: '名次变化（正数为上升）',
      kind: 'integer',
      value: (x) => x.rankChange,
    },
    {
      key: 'previousRank',
      header: `上季度（${r.previousQuarter}）名次`,
      kind: 'integer',
      value: (x) => x.previousRank,
    },
    { key: 'departmentId', header: '部门编号', kind: 'text', value: (x) => x.departmentId },
    {
      key: 'departmentName',
      header: '部门',
      kind: 'text',
      width: 18,
      value: (x) => x.departmentName,
    },
    { key: 'counted', header: '计入考核件数', kind: 'integer', value: (x) => x.counted },
    { key: 'score', header: '综合分', kind: 'number', decimals: 2, value: (x) => x.score },
    {
      key: 'missingWeight',
      header: '缺数据指标权重',
      kind: 'number',
      decimals: 2,
      value: (x) => x.missingWeight,
    },
    ...INDICATOR_KEYS.flatMap((k) => {
      const info = infos.find((i) => i.key === k);
      return info ? indicatorColumns(info) : [];
    }),
  ];
}
