import {
  CartesianGrid,
  LabelList,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { RankTrendPoint } from '../engine/ranking-view';

/** 1, then round steps, then the last rank: readable ticks for a rank axis. */
function rankTicks(maxRank: number): number[] {
  const max = Math.max(1, maxRank);
  const step = max <= 10 ? 1 : max <= 20 ? 5 : 10;
  const ticks = [1];
  for (let t = step; t < max; t += step) if (t > 1) ticks.push(t);
  if (max > 1) ticks.push(max);
  return ticks;
}

/**
 * A department's rank across quarters (1 at the top); a quarter it was not ranked in is a gap,
 * never a zero.
 */
export function RankingHistoryChart({
  points,
  rankLabel,
  maxRank,
}: {
  points: readonly RankTrendPoint[];
  rankLabel: string;
  /** Bottom of the axis (the most departments ranked in any of the quarters). */
  maxRank: number;
}) {
  return (
    <ResponsiveContainer width="100%" height="100%">
      <LineChart data={[...points]} margin={{ top: 16, right: 24, bottom: 8, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="quarter" fontSize={11} />
        <YAxis
          reversed
          allowDecimals={false}
          domain={[1, Math.max(1, maxRank)]}
          ticks={rankTicks(maxRank)}
          fontSize={11}
        />
        <Tooltip />
        <Line
          type="linear"
          dataKey="rank"
          name={rankLabel}
          stroke="#1677ff"
          connectNulls={false}
          isAnimationActive={false}
        >
          <LabelList dataKey="rank" position="top" fontSize={11} />
        </Line>
      </LineChart>
    </ResponsiveContainer>
  );
}
