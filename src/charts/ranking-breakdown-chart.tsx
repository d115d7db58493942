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
import type { BreakdownPoint } from '../engine/ranking-view';
import { formatScore } from '../engine/ranking-view';

/** A department's seven indicator scores beside the city's pooled scores (grouped bars). */
export function RankingBreakdownChart({
  points,
  departmentLabel,
  cityLabel,
  locale = 'zh-CN',
}: {
  points: readonly BreakdownPoint[];
  departmentLabel: string;
  cityLabel: string;
  locale?: string;
}) {
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart data={[...points]} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="name" interval={0} fontSize={11} />
        <YAxis domain={[0, 100]} fontSize={11} />
        <Tooltip formatter={(v) => formatScore(typeof v === 'number' ? v : null, locale)} />
        <Legend />
        <Bar dataKey="department" name={departmentLabel} fill="#1677ff" isAnimationActive={false} />
        <Bar dataKey="city" name={cityLabel} fill="#bfbfbf" isAnimationActive={false} />
      </BarChart>
    </ResponsiveContainer>
  );
}
