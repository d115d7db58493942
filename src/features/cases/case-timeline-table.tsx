import { Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { CaseTimeline } from '../../engine/case-view';
import { useLocaleStore } from '../../i18n';
import { formatDateTime } from '../../ui/format';
import { useTimelineSectionMsg } from './case-timeline-messages';
import { feedCell } from '../../ui/feed-text';

interface Row {
  key: string;
  kind: 'step' | 'suspension';
  name: string;
  who: string;
  start: number;
  end: number | null;
  x0: number;
  x1: number;
  days: number;
  note: string;
}

/** Axis position (−1 … maxX) as the working-day number it falls in (0 = the acceptance day). */
function dayAt(x: number, end: boolean): number {
  return end ? Math.max(0, Math.ceil(x - 1e-9)) : Math.max(0, Math.floor(x + 1e-9) + 1);
}

/** The timeline's steps and suspensions as a table (the accessible twin of the chart). */
export function CaseTimelineTable({
  timeline,
  departments,
}: {
  timeline: CaseTimeline;
  departments: ReadonlyMap<string, string>;
}) {
  const m = useTimelineSectionMsg();
  const locale = useLocaleStore((s) => s.locale);
  const rows: Row[] = [
    ...timeline.steps.map((s): Row => ({
      key: `step-${s.id}`,
      kind: 'step',
      name: s.step,
      who: `${s.handler}（${departments.get(s.departmentId) ?? s.departmentId}）`, // feed text, in Chinese
      start: s.enteredAt,
      end: s.leftAt,
      x0: s.x0,
      x1: s.x1,
      days: s.workingDays,
      note: s.leftAt === null ? m('current') : '',
    })),
    ...timeline.suspensions.map((s): Row => ({
      key: `sus-${s.index}`,
      kind: 'suspension',
      name: s.kind,
      who: s.approvedDays === null ? m('noApproved') : m('approved', { n: s.approvedDays }),
      start: s.startAt,
      end: s.endAt,
      x0: s.x0,
      x1: s.x1,
      days: s.suspendedDays,
      note: [
        m('susDays', { n: s.suspendedDays }),
        s.overrunDays > 0 ? m('overrun', { n: s.overrunDays }) : '',
      ]
        .filter(Boolean)
        .join('；'),
    })),
  ].sort((a, b) => a.start - b.start);
  const columns: ColumnsType<Row> = [
    {
      key: 'kind',
      title: m('col.kind'),
      render: (_, r) =>
        r.kind === 'step' ? (
          <Tag color="blue">{m('kind.step')}</Tag>
        ) : (
          <Tag color="orange">{m('kind.suspension')}</Tag>
        ),
    },
    // Step and suspension names come from the feed; so do handlers and departments of a step.
    { key: 'name', title: m('col.name'), dataIndex: 'name', onCell: feedCell },
    {
      key: 'who',
      title: m('col.who'),
      dataIndex: 'who',
      onCell: (r) => (r.kind === 'step' ? feedCell() : {}),
    },
    { key: 'start', title: m('col.start'), render: (_, r) => formatDateTime(r.start, locale) },
    {
      key: 'end',
      title: m('col.end'),
      render: (_, r) =>
        r.end === null ? (
          <Typography.Text type="warning">{m('running')}</Typography.Text>
        ) : (
          formatDateTime(r.end, locale)
        ),
    },
    {
      key: 'axis',
      title: m('col.axis'),
      render: (_, r) => {
        const a = dayAt(r.x0, false);
        const b = dayAt(r.x1, true);
        return a === 0 && b === 0 ? m('axisAccept') : m('axisPos', { a, b: Math.max(a, b) });
      },
    },
    { key: 'days', title: m('col.days'), dataIndex: 'days', align: 'right' },
    { key: 'note', title: m('col.note'), dataIndex: 'note' },
  ];
  return (
    <div data-testid="case-timeline-table">
      <Typography.Title level={5}>{m('tableTitle')}</Typography.Title>
      <Table<Row>
        size="small"
        rowKey="key"
        columns={columns}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 900 }}
        locale={{ emptyText: m('empty') }}
      />
    </div>
  );
}
