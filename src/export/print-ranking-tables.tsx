/**
 * The tables of the printed 季度通报, over the bulletin's department-level figures: one ranking
 * table per group (each indicator's RATE and its SCORE shown apart — "超期件率 0.00% / 得分
 * 100.00" — never the score under the rate's name) and the city's pooled totals.
 */
import type { BulletinDepartment, BulletinGroup, BulletinRanking } from '../engine/bulletin';
import {
  formatIndicatorValue,
  formatScore,
  indicatorsOf,
  rankChangeView,
} from '../engine/ranking-view';

function RateScore({
  d,
  k,
}: {
  d: Pick<BulletinDepartment, 'indicators'>;
  k: Parameters<typeof formatIndicatorValue>[0];
}) {
  const v = d.indicators[k];
  if (v.score === null) return <>—</>;
  return (
    <>
      <span className="print-rate">{formatIndicatorValue(k, v.value).replace(' 个/百件', '')}</span>
      <br />
      <span className="print-score">{formatScore(v.score)}</span>
    </>
  );
}

function Head({ ranking, rankTitle }: { ranking: BulletinRanking; rankTitle: string }) {
  const infos = indicatorsOf(ranking);
  return (
    <>
      <colgroup>
        <col style={{ width: '6%' }} />
        <col style={{ width: '6%' }} />
        <col style={{ width: '16%' }} />
        <col style={{ width: '7%' }} />
        <col style={{ width: '7%' }} />
        {infos.map((i) => (
          <col key={i.key} style={{ width: '8.28%' }} />
        ))}
      </colgroup>
      <thead>
        <tr>
          <th>{rankTitle}</th>
          <th>变化</th>
          <th>部门</th>
          <th>计入考核件数</th>
          <th>综合分</th>
          {infos.map((i) => (
            <th key={i.key}>
              {i.name}（{ranking.weights[i.key]}）
              <br />
              <span className="print-th-sub">
                {i.unit === 'per100' ? '个/百件' : '比率'} / 得分
              </span>
            </th>
          ))}
        </tr>
      </thead>
    </>
  );
}

function Row({
  d,
  ranking,
  group,
}: {
  d: BulletinDepartment;
  ranking: BulletinRanking;
  group: boolean;
}) {
  const infos = indicatorsOf(ranking);
  const rank = group ? d.groupRank : d.rank;
  const change = rankChangeView({ rankChange: group ? d.groupRankChange : d.rankChange });
  return (
    <tr>
      <td className="center">{rank ?? '—'}</td>
      <td className={`center ${change.kind}`}>{d.ranked ? change.text : '—'}</td>
      <td>
        {d.departmentName ?? d.departmentId}
        {d.deadlineRush ? <span className="print-tag">临期突击</span> : null}
        {d.insufficientSample ? (
          <span className="print-tag">样本不足（少于 {ranking.minCountedCases} 件）</span>
        ) : null}
      </td>
      <td className="num">{d.counted.toLocaleString('zh-CN')}</td>
      <td className="num">{formatScore(d.score)}</td>
      {infos.map((i) => (
        <td key={i.key} className="num">
          <RateScore d={d} k={i.key} />
        </td>
      ))}
    </tr>
  );
}

/** One group's ranking (group rank and its change), its 样本不足 departments last. */
export function PrintGroupTable({
  ranking,
  group,
}: {
  ranking: BulletinRanking;
  group: BulletinGroup;
}) {
  return (
    <table data-testid={`print-group-table-${group.group}`} className="print-table">
      <Head ranking={ranking} rankTitle="组内名次" />
      <tbody>
        {[...group.ranked, ...group.insufficient].map((d) => (
          <Row key={d.departmentId} d={d} ranking={ranking} group />
        ))}
      </tbody>
    </table>
  );
}

/** The city's pooled totals: one row, the rates and scores of the whole city. */
export function PrintCityTable({ ranking }: { ranking: BulletinRanking }) {
  const infos = indicatorsOf(ranking);
  return (
    <table data-testid="print-city-table" className="print-table">
      <Head ranking={ranking} rankTitle="—" />
      <tbody>
        <tr className="print-city">
          <td className="center">—</td>
          <td className="center">—</td>
          <td>全市（合并计数）</td>
          <td className="num">{ranking.city.counted.toLocaleString('zh-CN')}</td>
          <td className="num">{formatScore(ranking.city.score)}</td>
          {infos.map((i) => (
            <td key={i.key} className="num">
              <RateScore d={ranking.city} k={i.key} />
            </td>
          ))}
        </tr>
      </tbody>
    </table>
  );
}
