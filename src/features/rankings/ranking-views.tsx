import { Card, Space, Typography } from 'antd';
import { useMemo } from 'react';
import type { QuarterRanking } from '../../engine/ranking';
import { asGroupRow, groupBars, groupSections } from '../../engine/ranking-groups-view';
import { compositeBars, rankingGroups } from '../../engine/ranking-view';
import { CompositeSection } from './composite-section';
import { useGroupName } from '../../ui/group-name';
import { useRankingMsg } from './messages';
import type { RankingColumnsProps } from './ranking-columns';
import { InsufficientTable, RankingTable } from './ranking-table';

type TableProps = Omit<RankingColumnsProps, 'variant'>;

/**
 * 分类排名 (the default): one table per group — 市直部门, 区县, 乡镇街道 — ranked within the group
 * (group rank and its change against last quarter), then one chart per group.
 */
export function GroupTables({ tableProps }: { tableProps: TableProps }) {
  const m = useRankingMsg();
  const groupName = useGroupName();
  const sections = useMemo(() => groupSections(tableProps.ranking), [tableProps.ranking]);
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {sections.map((s) => (
        <Card
          key={s.group}
          size="small"
          title={m('groupTitle', { group: groupName(s.group), ranked: s.ranked.length })}
          data-testid={`group-${s.group}`}
        >
          <RankingTable
            {...tableProps}
            rows={s.ranked.map(asGroupRow)}
            testId={`group-table-${s.group}`}
            showCity={false}
          />
          {s.insufficient.length > 0 ? (
            <div style={{ marginTop: 8 }}>
              <Typography.Text type="secondary">{m('insufficientTitle')}</Typography.Text>
              <InsufficientTable {...tableProps} rows={s.insufficient} />
            </div>
          ) : null}
        </Card>
      ))}
    </Space>
  );
}

export function GroupCharts({ ranking, source }: { ranking: QuarterRanking; source: string }) {
  const groupName = useGroupName();
  const sections = useMemo(() => groupSections(ranking), [ranking]);
  return (
    <>
      {sections.map((s) => (
        <CompositeSection
          key={s.group}
          ranking={ranking}
          bars={groupBars(s.ranked)}
          source={source}
          group={{ key: s.group, name: groupName(s.group) }}
        />
      ))}
    </>
  );
}

/** The city-wide list (second view): every ranked department by city rank, then 样本不足. */
export function CityTables({ tableProps }: { tableProps: TableProps }) {
  const m = useRankingMsg();
  const groups = useMemo(() => rankingGroups(tableProps.ranking), [tableProps.ranking]);
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <RankingTable {...tableProps} rows={groups.ranked} testId="ranking-table" showCity />
      {groups.insufficient.length > 0 ? (
        <Card title={m('insufficientTitle')} size="small">
          <InsufficientTable {...tableProps} rows={groups.insufficient} />
        </Card>
      ) : null}
    </Space>
  );
}

export function CityChart({ ranking, source }: { ranking: QuarterRanking; source: string }) {
  const bars = useMemo(() => compositeBars(rankingGroups(ranking).ranked), [ranking]);
  return <CompositeSection ranking={ranking} bars={bars} source={source} />;
}
