import {
  Bar,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { DepartmentQuarterPoint } from '../engine/department-view';
import { formatCount, formatPercent } from '../ui/format';
import { CHART_COLORS } from './chart-colors';

export interface DepartmentTrendChartProps {
  /** From departmentQuarterTrend: the same points the table beside the chart shows. */
  points: readonly DepartmentQuarterPoint[];
  rateLabel: string;
  redLabel: string;
  locale: string;
}

/**
 * A department across quarters: red cards first earned in each quarter (bars, left axis) and the
 * on-time rate of the cases completed in it (line, right axis; a gap where nothing was completed,
 * never a fake zero).
 */
export function DepartmentTrendChart({
  points,
  rateLabel,
  redLabel,
  locale,
}: DepartmentTrendChartProps) {
  const data = points.map((p) => ({
    quarter: p.quarter,
    rate: p.completion.onTimeRate === null ? null : Math.round(p.completion.onTimeRate * 1000) / 10,
    red: p.redIssued,
  }));
  return (
    <ResponsiveContainer width="100%" height="100%">
      <ComposedChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
        <CartesianGrid stroke={CHART_COLORS.grid} vertical={false} />
        <XAxis dataKey="quarter" tick={{ fontSize: 12 }} interval={0} />
        <YAxis yAxisId="count" allowDecimals={false} tick={{ fontSize: 12 }} width={36} />
        <YAxis
          yAxisId="rate"
          orientation="right"
          domain={[0, 100]}
          tickFormatter={(v: number) => `${v}%`}
          tick={{ fontSize: 12 }}
          width={44}
        />
        <Tooltip
          formatter={(value, name) =>
            name === rateLabel
              ? [formatPercent(typeof value === 'number' ? value / 100 : null, locale), name]
              : [formatCount(Number(value), locale), name]
          }
        />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        <Bar
          yAxisId="count"
          dataKey="red"
          name={redLabel}
          fill={CHART_COLORS.red}
          isAnimationActive={false}
          barSize={28}
        />
        <Line
          yAxisId="rate"
          dataKey="rate"
          name={rateLabel}
          stroke={CHART_COLORS.rate}
          strokeWidth={2}
          dot={{ r: 3 }}
          connectNulls={false}
          isAnimationActive={false}
        />
      </ComposedChart>
    </ResponsiveContainer>
  );
}
