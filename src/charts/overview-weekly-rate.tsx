import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { WeekPoint } from '../engine/summaries';
import { formatPercent } from '../ui/format';
import { CHART_COLORS } from './chart-colors';

export interface WeeklyRateChartProps {
  points: readonly WeekPoint[];
  rateLabel: string;
  completedLabel: string;
  weekLabel: (mondayIso: string) => string;
  locale: string;
}

/**
 * On-time rate of the cases completed each week (a gap where a week has no completed case, never
 * a fake zero); the tooltip shows the counts behind the rate.
 */
export function WeeklyRateChart({
  points,
  rateLabel,
  completedLabel,
  weekLabel,
  locale,
}: WeeklyRateChartProps) {
  const data = points.map((p) => ({
    week: p.label.slice(5),
    full: p.label,
    rate: p.onTimeRate === null ? null : Math.round(p.onTimeRate * 1000) / 10,
    onTime: p.onTime,
    completed: p.completed,
  }));
  return (
    <ResponsiveContainer width="100%" height="100%">
      <LineChart data={data} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
        <CartesianGrid stroke={CHART_COLORS.grid} vertical={false} />
        <XAxis dataKey="week" tick={{ fontSize: 12 }} interval={0} />
        <YAxis
          domain={[0, 100]}
          tickFormatter={(v: number) => `${v}%`}
          tick={{ fontSize: 12 }}
          width={44}
        />
        <Tooltip
          labelFormatter={(_, payload) => {
            const row = payload?.[0]?.payload as { full?: string } | undefined;
            return row?.full ? weekLabel(row.full) : '';
          }}
          formatter={(_value, _name, item) => {
            const row = item.payload as { onTime: number; completed: number; rate: number | null };
            const rate = row.rate === null ? null : row.rate / 100;
            return [
              `${formatPercent(rate, locale)}（${row.onTime} / ${row.completed} ${completedLabel}）`,
              rateLabel,
            ];
          }}
        />
        <Legend itemSorter={null} />
        <Line
          type="monotone"
          dataKey="rate"
          name={rateLabel}
          stroke={CHART_COLORS.rate}
          strokeWidth={2}
          dot={{ r: 3 }}
          connectNulls={false}
          isAnimationActive={false}
        />
      </LineChart>
    </ResponsiveContainer>
  );
}
