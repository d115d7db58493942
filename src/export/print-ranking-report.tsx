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
import { bulletinGroups, type Bulletin } from '../engine/bulletin';
import type { CompositeBar } from '../engine/ranking-view';
import type { RankingMethodology } from '../engine/ranking-view-methodology';
import { intlLocale, translate, useLocaleStore, type Locale } from '../i18n';
import { FeedText } from '../ui/feed-text';
import { formatDateTime } from '../ui/format';
import { useGroupName } from '../ui/group-name';
import { richMessage } from '../ui/rich-message';
import { useBulletinNarrativeText } from './bulletin-narrative-text';
import { MethodologyText } from './methodology-text';
import { usePrintMsg } from './print-messages';
import { PrintCityTable, PrintGroupTable } from './print-ranking-tables';

/** Width of the printable area in CSS px (A4 210 mm − 2 × 12 mm margins ≈ 703 px). */
export const PRINT_CONTENT_WIDTH = 700;

/** "2026Q3" in the UI language: 2026年第3季度 / Q3 2026. */
export function quarterLabel(locale: Locale, key: string): string {
  const q = /^(\d{4})Q([1-4])$/.exec(key);
  return q ? translate(locale, 'period.quarter', { year: q[1] ?? '', quarter: q[2] ?? '' }) : key;
}

/** "2026-10-08" as the date of issue: 2026年10月8日 / 8 October 2026. */
function issuedDate(locale: Locale, iso: string): string {
  const ms = Date.parse(`${iso.slice(0, 10)}T12:00:00+08:00`);
  if (Number.isNaN(ms)) return iso;
  return new Intl.DateTimeFormat(intlLocale(locale), {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: 'long',
    day: 'numeric',
  }).format(ms);
}

export function RankingPrintReport({
  bulletin,
  methodology,
  generatedAtMs,
}: {
  bulletin: Bulletin;
  methodology: RankingMethodology;
  generatedAtMs: number;
}) {
  const m = usePrintMsg();
  const locale = useLocaleStore((st) => st.locale);
  const intl = intlLocale(locale);
  const groupName = useGroupName();
  const narrativeText = useBulletinNarrativeText();
  const { header, ranking } = bulletin;
  const groups = bulletinGroups(ranking).filter((g) => g.ranked.length + g.insufficient.length > 0);
  const narrative = narrativeText(bulletinNarrative(bulletin));
  const asOf = `${ranking.asOf.slice(0, 10)} ${ranking.asOf.slice(11, 16)}`;
  const n = narrative.length;
  const quarter = quarterLabel(locale, ranking.quarter);
  const city = <FeedText>{header.city}</FeedText>;
  const office = <FeedText>{header.office}</FeedText>;
  return (
    <article className="print-report" lang={locale} data-testid="print-report">
      <header className="print-letterhead">
        <div className="print-office" data-testid="print-office">
          {office}
        </div>
        <div className="print-docno" data-testid="print-docno">
          {header.documentNumber !== null ? (
            <FeedText>{header.documentNumber}</FeedText>
          ) : (
            m('noDocumentNumber')
          )}
        </div>
        <hr className="print-redline" />
      </header>
      <h1>{richMessage(m('title'), { city, quarter })}</h1>
      <p className="print-salutation">{m('salutation')}</p>
      <p className="print-lead">
        {richMessage(m('lead'), {
          office,
          quarter,
          partial: ranking.partial ? m('leadPartial') : '',
        })}
      </p>
      {narrative.map((sec) => (
        <section key={sec.title} className="print-narrative">
          <h2>{sec.title}</h2>
          {sec.paragraphs.map((p, i) => (
            <p key={i}>{p}</p>
          ))}
        </section>
      ))}

      <h2>{m('tablesTitle', { n: n + 1 })}</h2>
      <p className="print-note print-keep-next">{m('tablesNote')}</p>
      {groups.map((g, i) => (
        <section key={g.group} className="print-group">
          <h3>{m('groupTitle', { i: i + 1, group: groupName(g.group), n: g.ranked.length })}</h3>
          <PrintGroupTable ranking={ranking} group={g} />
        </section>
      ))}
      <h3>{m('cityTitle', { i: groups.length + 1 })}</h3>
      <PrintCityTable ranking={ranking} />

      <h2>{m('chartsTitle', { n: n + 2 })}</h2>
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
                {m('chartCaption', {
                  group: groupName(g.group),
                  score: ranking.city.score?.toFixed(2) ?? '—',
                })}
              </figcaption>
              <RankingCompositeChart
                bars={bars}
                cityScore={ranking.city.score}
                cityLabel={m('cityShort')}
                scoreLabel={m('colScore')}
                width={PRINT_CONTENT_WIDTH}
                rowHeight={16}
              />
            </figure>
          );
        })}

      <section className="print-signature">
        <p>{office}</p>
        <p>
          {header.issuedOn
            ? issuedDate(locale, header.issuedOn)
            : m('generatedAt', { at: formatDateTime(generatedAtMs, intl) })}
        </p>
      </section>

      <section className="print-methodology">
        <h2>{m('methodologyTitle')}</h2>
        <p className="print-note">
          {m('methodologyNote', {
            asOf,
            ranked: ranking.coverage.ranked,
            departments: ranking.coverage.departments,
            insufficient: ranking.coverage.insufficientSample,
            counted: ranking.city.counted.toLocaleString(intl),
          })}
        </p>
        <MethodologyText methodology={methodology} variant="print" />
      </section>
    </article>
  );
}
