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
import type { SlowActionCode } from '../domain/slow-action';
import type { DepartmentRuleLine } from '../engine/slow-action-view';
import { CHART_COLORS } from './chart-colors';

/** One colour per reason code, the same in every slow-action chart. */
export const SLOW_ACTION_COLORS: Readonly<Record<SlowActionCode, string>> = {
  stall: '#fa8c16',
  'accepted-idle': '#faad14',
  'repeated-correction': '#13c2c2',
  'overlong-suspension': '#2f54eb',
  'suspension-overrun': '#722ed1',
  'inaction-overdue': CHART_COLORS.red,
  'deadline-rush': '#8c8c8c',
  'notice-overdue': '#ad2102',
};

/** Height in px that fits one bar per department (the frame's chart area). */
export function slowActionChartHeight(departments: number): number {
  return Math.max(220, departments * 24 + 80);
}

export interface SlowActionDeptRuleChartProps {
  /** From departmentRuleMatrix: the same lines the table beside the chart shows. */
  lines: readonly DepartmentRuleLine[];
  /** Codes to stack (those present), in the rule order. */
  codes: readonly SlowActionCode[];
  /** Rule names in the interface language. */
  ruleName: (code: SlowActionCode) => string;
  onOpen: (departmentId: string) => void;
}

/** Flags per department stacked by rule, horizontal bars so long Chinese names fit. */
export function SlowActionDeptRuleChart({
  lines,
  codes,
  ruleName,
  onOpen,
}: SlowActionDeptRuleChartProps) {
  const data = lines.map((l) => ({
    departmentId: l.departmentId,
    name: l.departmentName,
    total: l.total,
    ...l.counts,
  }));
  return (
    <ResponsiveContainer width="100%" height="100%">
      {/* Remount when the rules change: recharts stacks bars in the order they registered. */}
      <BarChart
        key={codes.join(',')}
        data={data}
        layout="vertical"
        margin={{ top: 4, right: 24, bottom: 0, left: 8 }}
      >
        <CartesianGrid stroke={CHART_COLORS.grid} horizontal={false} />
        <XAxis type="number" allowDecimals={false} tick={{ fontSize: 12 }} />
        <YAxis
          type="category"
          dataKey="name"
          width={132}
          tick={{ fontSize: 12, lang: 'zh-CN' }}
          interval={0}
        />
        <Tooltip />
        {/* Legend in the rule order (recharts sorts by name unless told not to). */}
        <Legend
          wrapperStyle={{ fontSize: 12 }}
          itemSorter={(item) => codes.indexOf(item.dataKey as SlowActionCode)}
        />
        {codes.map((code) => (
          <Bar
            key={code}
            dataKey={code}
            name={ruleName(code)}
            stackId="flags"
            fill={SLOW_ACTION_COLORS[code]}
            isAnimationActive={false}
            cursor="pointer"
            onClick={(entry: { payload?: { departmentId: string } }) => {
              if (entry.payload) onOpen(entry.payload.departmentId);
            }}
          />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}
