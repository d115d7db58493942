import { FeedText } from '../../ui/feed-text';
import { Table } from 'antd';
import type { z } from '../../contract/zod';
import type { rankingDiff } from '../../contract/editions';
import { formatScore } from '../../engine/ranking-view';
import { intlLocale, useLocaleStore } from '../../i18n';
import { useEditionMsg } from './edition-messages';
import { useGroupName } from '../../ui/group-name';

type Diff = z.output<typeof rankingDiff>;
type Row = Diff['departments'][number];

const arrow = (from: string, to: string) => (from === to ? to : `${from} → ${to}`);
const rankText = (v: number | null) => (v === null ? '—' : String(v));

/** The departments whose rank, group rank, composite or counted cases changed, from → to. */
export function EditionDiffTable({ diff, testId }: { diff: Diff; testId: string }) {
  const m = useEditionMsg();
  const groupName = useGroupName();
  const locale = intlLocale(useLocaleStore((s) => s.locale));
  return (
    <Table<Row>
      data-testid={testId}
      size="small"
      rowKey="departmentId"
      pagination={false}
      dataSource={diff.departments}
      columns={[
        {
          key: 'dept',
          title: m('colDept'),
          render: (_, d) => <FeedText>{d.departmentName ?? d.departmentId}</FeedText>,
        },
        { key: 'group', title: m('colGroup'), render: (_, d) => groupName(d.group) },
        {
          key: 'groupRank',
          title: m('colGroupRank'),
          render: (_, d) => arrow(rankText(d.groupRank.from), rankText(d.groupRank.to)),
        },
        {
          key: 'rank',
          title: m('colRank'),
          render: (_, d) => arrow(rankText(d.rank.from), rankText(d.rank.to)),
        },
        {
          key: 'score',
          title: m('colScore'),
          render: (_, d) =>
            arrow(formatScore(d.score.from, locale), formatScore(d.score.to, locale)),
        },
        {
          key: 'counted',
          title: m('colCounted'),
          render: (_, d) => arrow(String(d.counted.from), String(d.counted.to)),
        },
      ]}
    />
  );
}
