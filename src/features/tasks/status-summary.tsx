import { Card, Statistic } from 'antd';
import { TASK_STATUS_CODES, type TaskStatusCode } from '../../domain/tasks';
import { formatCount } from '../../ui/format';
import { TASK_STATUS_COLOR } from './task-status-tag';
import { useTasksMsg } from './tasks-messages';

const HEX: Record<string, string> = {
  red: '#cf1322',
  gold: '#d48806',
  blue: '#1677ff',
  green: '#389e0d',
  default: '#595959',
};

export interface StatusSummaryProps {
  counts: Record<TaskStatusCode, number>;
  selected: readonly TaskStatusCode[];
  onSelect: (status: TaskStatusCode) => void;
}

/** One card per status with its count; a card is a button that filters the list to that status. */
export function StatusSummary({ counts, selected, onSelect }: StatusSummaryProps) {
  const m = useTasksMsg();
  return (
    <div
      data-testid="status-summary"
      style={{
        display: 'grid',
        gap: 12,
        gridTemplateColumns: 'repeat(auto-fit, minmax(150px, 1fr))',
      }}
    >
      {TASK_STATUS_CODES.map((s) => {
        const active = selected.length === 1 && selected[0] === s;
        return (
          <Card
            key={s}
            size="small"
            hoverable
            role="button"
            tabIndex={0}
            aria-pressed={active}
            data-testid={`status-card-${s}`}
            onClick={() => onSelect(s)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' || e.key === ' ') {
                e.preventDefault();
                onSelect(s);
              }
            }}
            style={{
              borderTop: `3px solid ${HEX[TASK_STATUS_COLOR[s]] ?? HEX.default}`,
              outline: active ? `2px solid ${HEX[TASK_STATUS_COLOR[s]]}` : undefined,
            }}
          >
            <Statistic
              title={m(`status.${s}`)}
              value={formatCount(counts[s])}
              styles={{ content: { color: HEX[TASK_STATUS_COLOR[s]] } }}
            />
          </Card>
        );
      })}
    </div>
  );
}
