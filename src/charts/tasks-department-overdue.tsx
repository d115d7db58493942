import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { CHART_COLORS } from './chart-colors';

export interface DepartmentOverdueDatum {
  departmentId: string;
  name: string;
  overdueTasks: number;
  overdueMilestones: number;
}

export interface DepartmentOverdueChartProps {
  data: readonly DepartmentOverdueDatum[];
  tasksLabel: string;
  milestonesLabel: string;
  /** Called with the department id when a bar is clicked (the table beside it has the same action as buttons). */
  onSelect: (departmentId: string) => void;
}

/** Overdue tasks and overdue milestones per lead department, as paired horizontal bars. */
export function DepartmentOverdueChart({
  data,
  tasksLabel,
  milestonesLabel,
  onSelect,
}: DepartmentOverdueChartProps) {
  const rows = data.map((d) => ({ ...d }));
  const click = (entry: { payload?: DepartmentOverdueDatum }) => {
    if (entry.payload) onSelect(entry.payload.departmentId);
  };
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart data={rows} layout="vertical" margin={{ top: 4, right: 28, bottom: 0, left: 8 }}>
        <CartesianGrid stroke={CHART_COLORS.grid} horizontal={false} />
        <XAxis type="number" allowDecimals={false} tick={{ fontSize: 12 }} />
        <YAxis
          type="category"
          dataKey="name"
          width={130}
          tick={{ fontSize: 12, lang: 'zh-CN' }}
          interval={0}
        />
        <Tooltip />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        <Bar
          dataKey="overdueTasks"
          name={tasksLabel}
          fill={CHART_COLORS.red}
          isAnimationActive={false}
          cursor="pointer"
          label={{ position: 'right', fontSize: 12, fill: '#434343' }}
          onClick={click}
        />
        <Bar
          dataKey="overdueMilestones"
          name={milestonesLabel}
          fill={CHART_COLORS.yellow}
          isAnimationActive={false}
          cursor="pointer"
          label={{ position: 'right', fontSize: 12, fill: '#434343' }}
          onClick={click}
        />
      </BarChart>
    </ResponsiveContainer>
  );
}
