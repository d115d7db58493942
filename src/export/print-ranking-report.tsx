/**
 * 季度通报: the printable quarterly ranking report (A4 portrait, see print-ranking.css). Title,
 * the ranking table, the composite chart (a fixed-width SVG that fits the page), each
 * department's breakdown, the methodology, the data coverage and the generation time — all from
 * one `rankQuarter` result and the methodology generated from its settings.
 */
import './print-ranking.css';
import {
  compositeBars,
  rankingExportRows,
  rankingGroups,
  formatScore,
} from '../engine/ranking-view';
import type { QuarterRanking } from '../engine/ranking';
import type { RankingMethodology } from '../engine/ranking-view-methodology';
import { RankingCompositeChart } from '../charts/ranking-composite-chart';
import { formatDateTime } from '../ui/format';
import { PrintBreakdownTable, PrintRankingTable } from './print-ranking-tables';

/** Width of the printable area in CSS px (A4 210 mm − 2 × 12 mm margins ≈ 703 px). */
export const PRINT_CONTENT_WIDTH = 700;

/** The neutral title; a deployment can pass its city's name. */
export function printTitle(cityName?: string): string {
  return `${cityName ?? 'XX市'}政府部门效能评比排队季度通报`;
}

function quarterText(key: string): string {
  const m = /^(\d{4})Q([1-4])$/.exec(key);
  return m ? `${m[1]}年第${m[2]}季度` : key;
}

export function RankingPrintReport({
  ranking,
  methodology,
  generatedAtMs,
  cityName,
}: {
  ranking: QuarterRanking;
  methodology: RankingMethodology;
  generatedAtMs: number;
  cityName?: string;
}) {
  const rows = rankingExportRows(ranking);
  const groups = rankingGroups(ranking);
  const bars = compositeBars(groups.ranked);
  const cov = ranking.coverage;
  const asOf = `${ranking.asOf.slice(0, 10)} ${ranking.asOf.slice(11, 16)}`;
  return (
    <article className="print-report" lang="zh-CN" data-testid="print-report">
      <h1>{printTitle(cityName)}</h1>
      <p className="print-subtitle">
        {quarterText(ranking.quarter)}（{ranking.from} 至 {ranking.to}）
      </p>
      <p className="print-meta">
        评估时点 {asOf}
        {ranking.partial ? '（季度尚未结束，为截至该时点的数据）' : ''}
        {'\u3000'}生成时间 {formatDateTime(generatedAtMs)}（北京时间）
      </p>
      <p>
        本季度 {cov.departments} 个部门中，{cov.withData} 个有计入考核的办件，{cov.ranked}{' '}
        个达到最低样本量（{ranking.minCountedCases} 件）参与排名；全市计入考核{' '}
        {ranking.city.counted.toLocaleString('zh-CN')} 件，全市综合分{' '}
        {formatScore(ranking.city.score)}
        （合并计数）。
      </p>

      <h2>一、综合排名</h2>
      <PrintRankingTable ranking={ranking} rows={rows} />
      {groups.noData.length > 0 ? (
        <p className="print-note">
          本季度无计入考核办件的部门（{groups.noData.length} 个）：
          {groups.noData.map((d) => d.departmentName ?? d.departmentId).join('、')}。
        </p>
      ) : null}

      <h2>二、综合分</h2>
      {bars.length > 0 ? (
        <div className="print-chart" data-testid="print-chart">
          <RankingCompositeChart
            bars={bars}
            cityScore={ranking.city.score}
            cityLabel="全市"
            width={PRINT_CONTENT_WIDTH}
            rowHeight={18}
          />
        </div>
      ) : (
        <p>本季度没有参与排名的部门。</p>
      )}

      <h2>三、分项明细</h2>
      <p className="print-note">
        各项为指标值，其下为分子 / 分母（时限利用率为单件利用率之和 / 件数）。
      </p>
      <PrintBreakdownTable ranking={ranking} rows={rows} />

      <h2>四、排名口径</h2>
      <table>
        <colgroup>
          <col style={{ width: '14%' }} />
          <col style={{ width: '10%' }} />
          <col style={{ width: '9%' }} />
          <col style={{ width: '45%' }} />
          <col style={{ width: '22%' }} />
        </colgroup>
        <thead>
          <tr>
            <th>指标</th>
            <th>权重</th>
            <th>方向</th>
            <th>计算方法</th>
            <th>得分</th>
          </tr>
        </thead>
        <tbody>
          {methodology.indicators.map((i) => (
            <tr key={i.key}>
              <td>{i.name}</td>
              <td className="center">
                {i.weight}（{(i.share * 100).toFixed(1)}%）
              </td>
              <td className="center">{i.direction}</td>
              <td>{i.description}</td>
              <td>{i.scoring}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {methodology.sections.map((s) => (
        <section key={s.title}>
          <h3>{s.title}</h3>
          {s.paragraphs.map((p) => (
            <p key={p}>{p}</p>
          ))}
        </section>
      ))}

      <h2>五、数据覆盖</h2>
      <p>
        已知部门 {cov.departments} 个，有数据 {cov.withData} 个，参与排名 {cov.ranked} 个，样本不足{' '}
        {cov.insufficientSample} 个；计入考核办件 {ranking.city.counted.toLocaleString('zh-CN')}{' '}
        件；本季度评价无法归属部门（办件不在数据中）{ranking.unattributedEvaluations} 条。
      </p>
      <p className="print-footer">
        生成时间：{formatDateTime(generatedAtMs)}（北京时间）{'\u3000'}数据评估时点：{asOf}
      </p>
    </article>
  );
}
