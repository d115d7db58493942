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
import { intlLocale, useLocaleStore } from '../i18n';
import { FeedText } from '../ui/feed-text';
import { usePrintMsg } from './print-messages';

function useIntl(): { intl: string; en: boolean } {
  const locale = useLocaleStore((s) => s.locale);
  return { intl: intlLocale(locale), en: locale === 'en' };
}

function RateScore({
  d,
  k,
}: {
  d: Pick<BulletinDepartment, 'indicators'>;
  k: Parameters<typeof formatIndicatorValue>[0];
}) {
  const { intl } = useIntl();
  const v = d.indicators[k];
  if (v.score === null) return <>—</>;
  // The unit (per 100 cases) is in the column head; the cell keeps the number alone.
  const rate =
    k === 'slowActionRate'
      ? (v.value ?? 0).toLocaleString(intl, { minimumFractionDigits: 2, maximumFractionDigits: 2 })
      : formatIndicatorValue(k, v.value, intl);
  return (
    <>
      <span className="print-rate">{rate}</span>
      <br />
      <span className="print-score">{formatScore(v.score, intl)}</span>
    </>
  );
}

function Head({ ranking, rankTitle }: { ranking: BulletinRanking; rankTitle: string }) {
  const m = usePrintMsg();
  const { en } = useIntl();
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
          <th>{m('colChange')}</th>
          <th>{m('colDepartment')}</th>
          <th>{m('colCounted')}</th>
          <th>{m('colScore')}</th>
          {infos.map((i) => (
            <th key={i.key}>
              {m('indicatorHead', { name: en ? i.nameEn : i.name, weight: ranking.weights[i.key] })}
              <br />
              <span className="print-th-sub">
                {i.unit === 'per100' ? m('subPer100') : m('subRate')}
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
  const m = usePrintMsg();
  const { intl } = useIntl();
  const infos = indicatorsOf(ranking);
  const rank = group ? d.groupRank : d.rank;
  const change = rankChangeView({ rankChange: group ? d.groupRankChange : d.rankChange });
  return (
    <tr>
      <td className="center">{rank ?? '—'}</td>
      <td className={`center ${change.kind}`}>{d.ranked ? change.text : '—'}</td>
      <td>
        <FeedText>{d.departmentName ?? d.departmentId}</FeedText>
        {d.deadlineRush ? <span className="print-tag">{m('tagRush')}</span> : null}
        {d.insufficientSample ? (
          <span className="print-tag">
            {m('tagInsufficient', { min: ranking.minCountedCases })}
          </span>
        ) : null}
      </td>
      <td className="num">{d.counted.toLocaleString(intl)}</td>
      <td className="num">{formatScore(d.score, intl)}</td>
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
  const m = usePrintMsg();
  return (
    <table data-testid={`print-group-table-${group.group}`} className="print-table">
      <Head ranking={ranking} rankTitle={m('colGroupRank')} />
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
  const m = usePrintMsg();
  const { intl } = useIntl();
  const infos = indicatorsOf(ranking);
  return (
    <table data-testid="print-city-table" className="print-table">
      <Head ranking={ranking} rankTitle="—" />
      <tbody>
        <tr className="print-city">
          <td className="center">—</td>
          <td className="center">—</td>
          <td>{m('cityRow')}</td>
          <td className="num">{ranking.city.counted.toLocaleString(intl)}</td>
          <td className="num">{formatScore(ranking.city.score, intl)}</td>
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
