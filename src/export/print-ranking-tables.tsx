/**
 * The tables of the printed 季度通报: the ranking and each department's indicator breakdown,
 * both over `rankingExportRows` (the rows and order of the page and the XLSX export).
 */
import type { QuarterRanking } from '../engine/ranking';
import {
  formatFraction,
  formatIndicatorValue,
  formatScore,
  indicatorsOf,
  rankChangeView,
  totalWeight,
  type RankingExportRow,
} from '../engine/ranking-view';

function note(row: RankingExportRow, r: QuarterRanking, rush: Set<string>): string {
  const parts: string[] = [];
  if (row.status === '样本不足') parts.push(`样本不足（少于 ${r.minCountedCases} 件）`);
  if (row.missingWeight > 0 && row.score !== null)
    parts.push(`缺 ${row.missingWeight} / ${totalWeight(r)} 权重`);
  if (rush.has(row.departmentId)) parts.push('临期突击');
  return parts.join('；');
}

/** 一、综合排名: rank, change, department, counted, composite, seven scores, remarks. */
export function PrintRankingTable({
  ranking,
  rows,
}: {
  ranking: QuarterRanking;
  rows: RankingExportRow[];
}) {
  const infos = indicatorsOf(ranking);
  const rush = new Set(
    ranking.departments.filter((d) => d.deadlineRush).map((d) => d.departmentId),
  );
  const shown = rows.filter((x) => x.status !== '无数据');
  return (
    <table data-testid="print-ranking-table">
      <colgroup>
        <col style={{ width: '6%' }} />
        <col style={{ width: '6%' }} />
        <col style={{ width: '15%' }} />
        <col style={{ width: '7%' }} />
        <col style={{ width: '7.5%' }} />
        {infos.map((i) => (
          <col key={i.key} style={{ width: '6.9%' }} />
        ))}
        <col style={{ width: '10%' }} />
      </colgroup>
      <thead>
        <tr>
          <th>名次</th>
          <th>变化</th>
          <th>部门</th>
          <th>计入考核件数</th>
          <th>综合分</th>
          {infos.map((i) => (
            <th key={i.key}>
              {i.name}
              <br />（{ranking.weights[i.key]}）
            </th>
          ))}
          <th>备注</th>
        </tr>
      </thead>
      <tbody>
        {shown.map((row) => {
          const change = rankChangeView(row);
          const city = row.status === '全市合计';
          return (
            <tr key={row.departmentId} className={city ? 'print-city' : undefined}>
              <td className="center">{row.rank ?? '—'}</td>
              <td className={`center ${change.kind}`}>{city ? '' : change.text}</td>
              <td>{row.departmentName}</td>
              <td className="num">{row.counted.toLocaleString('zh-CN')}</td>
              <td className="num">{formatScore(row.score)}</td>
              {infos.map((i) => (
                <td key={i.key} className="num">
                  {formatScore(row.indicators[i.key].score)}
                </td>
              ))}
              <td>{city ? '合并计数' : note(row, ranking, rush)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** 三、分项明细: each department's indicator values with numerator / denominator. */
export function PrintBreakdownTable({
  ranking,
  rows,
}: {
  ranking: QuarterRanking;
  rows: RankingExportRow[];
}) {
  const infos = indicatorsOf(ranking);
  const shown = rows.filter((x) => x.status !== '无数据');
  return (
    <table data-testid="print-breakdown-table">
      <colgroup>
        <col style={{ width: '16%' }} />
        {infos.map((i) => (
          <col key={i.key} style={{ width: '12%' }} />
        ))}
      </colgroup>
      <thead>
        <tr>
          <th>部门</th>
          {infos.map((i) => (
            <th key={i.key}>{i.name}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {shown.map((row) => (
          <tr
            key={row.departmentId}
            className={row.status === '全市合计' ? 'print-city' : undefined}
          >
            <td>{row.departmentName}</td>
            {infos.map((i) => {
              const v = row.indicators[i.key];
              return (
                <td key={i.key} className="num">
                  {formatIndicatorValue(i.key, v.value)}
                  {v.denominator > 0 ? (
                    <>
                      <br />
                      <span className="print-note">{formatFraction(i.key, v)}</span>
                    </>
                  ) : null}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
