import { Empty, Table, Tooltip, Typography } from 'antd';
import type { DepartmentRanking, QuarterRanking } from '../../engine/ranking';
import { formatScore, indicatorsOf, totalWeight } from '../../engine/ranking-view';
import { intlLocale, useLocaleStore } from '../../i18n';
import { formatCount } from '../../ui/format';
import { useRankingMsg } from './messages';
import { useRankingColumns, type RankingColumnsProps } from './ranking-columns';
import { ScoreCell } from './score-cell';

/**
 * The ranked departments, with the city's pooled row as the table summary. Every figure comes
 * straight from the `rankQuarter` row (nothing recomputed), as in the chart and the exports.
 */
export function RankingTable(
  props: Omit<RankingColumnsProps, 'variant'> & {
    rows: DepartmentRanking[];
    testId: string;
    /** The city's pooled row as the summary (the city-wide view). */
    showCity: boolean;
  },
) {
  const m = useRankingMsg();
  const locale = intlLocale(useLocaleStore((s) => s.locale));
  const columns = useRankingColumns({ ...props, variant: 'ranked' });
  const r: QuarterRanking = props.ranking;
  const infos = indicatorsOf(r);
  return (
    <Table<DepartmentRanking>
      data-testid={props.testId}
      rowKey="departmentId"
      size="small"
      bordered
      columns={columns}
      dataSource={props.rows}
      pagination={false}
      // Fixed layout at the columns' widths: the table fits a 1440 px screen without scrolling.
      tableLayout="fixed"
      sticky
      locale={{
        emptyText: (
          <Empty
            image={Empty.PRESENTED_IMAGE_SIMPLE}
            description={m('emptyRanked', { min: r.minCountedCases })}
          />
        ),
      }}
      summary={() =>
        !props.showCity ? null : (
          <Table.Summary fixed="bottom">
            <Table.Summary.Row data-testid="city-row">
              <Table.Summary.Cell index={0} colSpan={3}>
                <Tooltip title={m('cityTip')}>
                  <strong tabIndex={0}>{m('city')}</strong>
                </Tooltip>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={3} align="right">
                <span data-testid="counted-city">{formatCount(r.city.counted, locale)}</span>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={4} align="right">
                <strong data-testid="composite-city">{formatScore(r.city.score, locale)}</strong>
                {r.city.missingWeight > 0 && r.city.score !== null ? (
                  <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                    {m('missingWeight', { missing: r.city.missingWeight, total: totalWeight(r) })}
                  </Typography.Text>
                ) : null}
              </Table.Summary.Cell>
              {infos.map((info, i) => (
                <Table.Summary.Cell key={info.key} index={5 + i} align="right">
                  <ScoreCell
                    owner="city"
                    ownerLabel={m('city')}
                    info={info}
                    value={r.city.indicators[info.key]}
                    onOpen={props.onOpenScore}
                  />
                </Table.Summary.Cell>
              ))}
              <Table.Summary.Cell index={5 + infos.length} />
            </Table.Summary.Row>
          </Table.Summary>
        )
      }
    />
  );
}

/** The 样本不足 group: scored like the others, not ranked, with the reason on each row. */
export function InsufficientTable(
  props: Omit<RankingColumnsProps, 'variant'> & { rows: DepartmentRanking[] },
) {
  const columns = useRankingColumns({ ...props, variant: 'insufficient' });
  return (
    <Table<DepartmentRanking>
      data-testid="insufficient-table"
      rowKey="departmentId"
      size="small"
      bordered
      columns={columns}
      dataSource={props.rows}
      pagination={false}
      tableLayout="fixed"
    />
  );
}
