/**
 * 季度通报: the printable quarterly bulletin (A4 portrait, see print-ranking.css) as an office
 * issues it — letterhead with the issuing office and document number, title, a narrative
 * generated from the figures, the grouped ranking tables and charts, the city totals, the
 * methodology last, then the issuing office and date. One {@link Bulletin} feeds it, whether the
 * figures are live, a published edition or the public bulletin.
 */
import './print-ranking.css';
import { RankingCompositeChart } from '../charts/ranking-composite-chart';
import { bulletinNarrative } from '../engine/bulletin-narrative';
import { bulletinGroups, issuedDateText, quarterText, type Bulletin } from '../engine/bulletin';
import type { CompositeBar } from '../engine/ranking-view';
import type { RankingMethodology } from '../engine/ranking-view-methodology';
import { formatDateTime } from '../ui/format';
import { PrintCityTable, PrintGroupTable } from './print-ranking-tables';

/** Width of the printable area in CSS px (A4 210 mm − 2 × 12 mm margins ≈ 703 px). */
export const PRINT_CONTENT_WIDTH = 700;

/** The bulletin's title: 关于{city}2026年第3季度政府部门效能评比排队情况的通报. */
export function printTitle(city: string, quarter: string): string {
  return `关于${city}${quarterText(quarter)}政府部门效能评比排队情况的通报`;
}

const CN_NUM = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

export function RankingPrintReport({
  bulletin,
  methodology,
  generatedAtMs,
}: {
  bulletin: Bulletin;
  methodology: RankingMethodology;
  generatedAtMs: number;
}) {
  const { header, ranking } = bulletin;
  const groups = bulletinGroups(ranking).filter((g) => g.ranked.length + g.insufficient.length > 0);
  const narrative = bulletinNarrative(bulletin);
  const asOf = `${ranking.asOf.slice(0, 10)} ${ranking.asOf.slice(11, 16)}`;
  const n = narrative.length;
  return (
    <article className="print-report" lang="zh-CN" data-testid="print-report">
      <header className="print-letterhead">
        <div className="print-office" data-testid="print-office">
          {header.office}
        </div>
        <div className="print-docno" data-testid="print-docno">
          {header.documentNumber ?? '（未发布：当前数据，无文号）'}
        </div>
        <hr className="print-redline" />
      </header>
      <h1>{printTitle(header.city, ranking.quarter)}</h1>
      <p className="print-salutation">各区县人民政府、市直各部门、各乡镇街道：</p>
      <p className="print-lead">
        根据政府部门效能评比排队办法，{header.office}依据政务服务平台办件、环节流转与好差评数据，对
        {quarterText(ranking.quarter)}各部门办件时效与群众满意度进行了评比排队
        {ranking.partial ? '（季度尚未结束，为截至评估时点的数据）' : ''}。现将有关情况通报如下：
      </p>
      {narrative.map((s) => (
        <section key={s.title} className="print-narrative">
          <h2>{s.title}</h2>
          {s.paragraphs.map((p) => (
            <p key={p}>{p}</p>
          ))}
        </section>
      ))}

      <h2>{CN_NUM[n]}、分类排名表</h2>
      <p className="print-note print-keep-next">
        各项指标上行为比率（慢作为率为每百件标记数），下行为 0–100
        分的得分；综合分为各项得分按权重的加权平均。括号内为权重。
      </p>
      {groups.map((g, i) => (
        <section key={g.group} className="print-group">
          <h3>
            （{CN_NUM[i]}）{g.group}（{g.ranked.length} 个参与排名）
          </h3>
          <PrintGroupTable ranking={ranking} group={g} />
        </section>
      ))}
      <h3>（{CN_NUM[groups.length]}）全市合计</h3>
      <PrintCityTable ranking={ranking} />

      <h2>{CN_NUM[n + 1]}、综合分图</h2>
      {groups
        .filter((g) => g.ranked.length > 0)
        .map((g) => {
          const bars: CompositeBar[] = g.ranked.flatMap((d) =>
            d.groupRank === null || d.score === null
              ? []
              : [
                  {
                    departmentId: d.departmentId,
                    name: d.departmentName ?? d.departmentId,
                    rank: d.groupRank,
                    score: d.score,
                  },
                ],
          );
          return (
            <figure key={g.group} className="print-chart" data-testid="print-chart">
              <figcaption>
                {g.group}综合分（组内名次；虚线为全市综合分 {ranking.city.score?.toFixed(2) ?? '—'}
                ）
              </figcaption>
              <RankingCompositeChart
                bars={bars}
                cityScore={ranking.city.score}
                cityLabel="全市"
                width={PRINT_CONTENT_WIDTH}
                rowHeight={16}
              />
            </figure>
          );
        })}

      <section className="print-signature">
        <p>{header.office}</p>
        <p>
          {header.issuedOn
            ? issuedDateText(header.issuedOn)
            : `生成于 ${formatDateTime(generatedAtMs)}`}
        </p>
      </section>

      <section className="print-methodology">
        <h2>附：排名口径</h2>
        <p className="print-note">
          评估时点 {asOf}；参与排名 {ranking.coverage.ranked} / {ranking.coverage.departments}{' '}
          个部门，样本不足 {ranking.coverage.insufficientSample} 个，计入考核办件{' '}
          {ranking.city.counted.toLocaleString('zh-CN')} 件。
        </p>
        <table className="print-table">
          <colgroup>
            <col style={{ width: '14%' }} />
            <col style={{ width: '11%' }} />
            <col style={{ width: '9%' }} />
            <col style={{ width: '44%' }} />
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
      </section>
    </article>
  );
}
