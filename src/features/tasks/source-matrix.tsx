import { Button, Card, Table, type TableColumnsType } from 'antd';
import {
  TASK_SOURCE_KINDS,
  TASK_STATUS_CODES,
  type TaskSourceKind,
  type TaskStatusCode,
} from '../../domain/tasks';
import { statusCounts, type TaskRow } from '../../engine/tasks';
import { formatCount } from '../../ui/format';
import { useTasksMsg } from './tasks-messages';

interface SourceLine {
  source: TaskSourceKind;
  total: number;
  counts: Record<TaskStatusCode, number>;
}

export interface SourceMatrixProps {
  rows: readonly TaskRow[];
  onSelect: (source: TaskSourceKind, status: TaskStatusCode | null) => void;
}

/** Tasks grouped by source, counted per status; every count opens the matching list. */
export function SourceMatrix({ rows, onSelect }: SourceMatrixProps) {
  const m = useTasksMsg();
  const lines: SourceLine[] = TASK_SOURCE_KINDS.map((source) => {
    const of = rows.filter((r) => r.task.source === source);
    return { source, total: of.length, counts: statusCounts(of) };
  });
  const cell = (line: SourceLine, status: TaskStatusCode | null) => {
    const n = status === null ? line.total : line.counts[status];
    if (n === 0) return <span style={{ color: '#bfbfbf' }}>0</span>;
    return (
      <Button
        type="link"
        size="small"
        style={{ padding: 0 }}
        danger={status === 'overdue'}
        aria-label={`${m(`source.${line.source}`)} ${status === null ? '' : m(`status.${status}`)} ${n}`}
        onClick={() => onSelect(line.source, status)}
      >
        {formatCount(n)}
      </Button>
    );
  };
  const columns: TableColumnsType<SourceLine> = [
    { key: 'source', title: m('col.source'), render: (_, l) => m(`source.${l.source}`) },
    ...TASK_STATUS_CODES.map((s) => ({
      key: s,
      title: m(`status.${s}`),
      align: 'right' as const,
      render: (_: unknown, l: SourceLine) => cell(l, s),
    })),
    { key: 'total', title: m('total'), align: 'right', render: (_, l) => cell(l, null) },
  ];
  return (
    <Card title={m('bySource')} data-testid="source-matrix" styles={{ body: { padding: 0 } }}>
      <Table<SourceLine>
        size="small"
        rowKey="source"
        columns={columns}
        dataSource={lines}
        pagination={false}
      />
    </Card>
  );
}
