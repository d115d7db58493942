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
import type { WeekPoint } from '../engine/summaries';
import { CHART_COLORS } from './chart-colors';

export interface WeeklyCardsChartProps {
  points: readonly WeekPoint[];
  yellowLabel: string;
  redLabel: string;
  /** Tooltip heading of a week, e.g. "2026-09-07 当周". */
  weekLabel: (mondayIso: string) => string;
}

/** Yellow and red cards issued per week (by the day each card was first earned), grouped bars. */
export function WeeklyCardsChart({
  points,
  yellowLabel,
  redLabel,
  weekLabel,
}: WeeklyCardsChartProps) {
  const data = points.map((p) => ({
    week: p.label.slice(5),
    full: p.label,
    yellow: p.yellowIssued,
    red: p.redIssued,
  }));
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
        <CartesianGrid stroke={CHART_COLORS.grid} vertical={false} />
        <XAxis dataKey="week" tick={{ fontSize: 12 }} interval={0} />
        <YAxis allowDecimals={false} tick={{ fontSize: 12 }} width={40} />
        <Tooltip
          labelFormatter={(_, payload) => {
            const full = payload?.[0]?.payload as { full?: string } | undefined;
            return full?.full ? weekLabel(full.full) : '';
          }}
        />
        <Legend itemSorter={null} />
        <Bar
          dataKey="yellow"
          name={yellowLabel}
          fill={CHART_COLORS.yellow}
          isAnimationActive={false}
        />
        <Bar dataKey="red" name={redLabel} fill={CHART_COLORS.red} isAnimationActive={false} />
      </BarChart>
    </ResponsiveContainer>
  );
}
