import {
  Bar,
  BarChart,
  CartesianGrid,
  LabelList,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { CompositeBar } from '../engine/ranking-view';
import { formatScore } from '../engine/ranking-view';

/**
 * A bar's score label, drawn in the right margin beyond the 100 mark rather than at the bar's
 * end: the city-average line lies inside the plot, so a label next to a bar ending near the
 * average would be crossed by it (issue 16 item 7). The plot's right edge is where 100 lies:
 * bar start + bar width × 100 / score.
 */
function MarginLabel(props: {
  x?: number | string;
  y?: number | string;
  width?: number | string;
  height?: number | string;
  value?: unknown;
  locale: string;
}) {
  const x = Number(props.x ?? 0);
  const y = Number(props.y ?? 0);
  const w = Number(props.width ?? 0);
  const h = Number(props.height ?? 0);
  const score = typeof props.value === 'number' ? props.value : null;
  if (score === null || score <= 0) return null;
  return (
    <text
      x={x + (w * 100) / score + 6}
      y={y + h / 2}
      dominantBaseline="central"
      fontSize={11}
      fill="#333"
    >
      {formatScore(score, props.locale)}
    </text>
  );
}

/** Height a composite chart needs for `n` bars (one row per department). */
export function compositeChartHeight(n: number, rowHeight = 24): number {
  return Math.max(160, n * rowHeight + 72);
}

/**
 * 部门综合分: one horizontal bar per ranked department, in rank order, labelled with the score as
 * ranked, and the city's pooled composite as a reference line. Fed the same rows as the table.
 * Give `width` for a fixed-size drawing (the print); otherwise it fills its container.
 */
export function RankingCompositeChart({
  bars,
  cityScore,
  cityLabel,
  scoreLabel,
  width,
  rowHeight = 24,
  locale = 'zh-CN',
}: {
  bars: readonly CompositeBar[];
  cityScore: number | null;
  cityLabel: string;
  /** The bars' series name (tooltip), in the UI language. */
  scoreLabel: string;
  width?: number;
  /** Pixels per bar row (the print packs them tighter). */
  rowHeight?: number;
  locale?: string;
}) {
  const data = bars.map((b) => ({ ...b, label: `${b.rank}. ${b.name}` }));
  const height = compositeChartHeight(bars.length, rowHeight);
  const chart = (
    <BarChart
      data={data}
      layout="vertical"
      width={width}
      height={width ? height : undefined}
      margin={{ top: 24, right: 52, bottom: 8, left: 8 }}
    >
      <CartesianGrid strokeDasharray="3 3" horizontal={false} />
      <XAxis type="number" domain={[0, 100]} ticks={[0, 20, 40, 60, 80, 100]} fontSize={11} />
      <YAxis
        type="category"
        dataKey="label"
        // Wide enough for "20. 人力资源和社会保障局" on one line (recharts wraps longer ticks).
        width={200}
        interval={0}
        // Department names are feed data (rank numbers and Chinese names).
        tick={{ fontSize: 11, lang: 'zh-CN' }}
        tickLine={false}
      />
      {width ? null : (
        <Tooltip formatter={(v) => formatScore(typeof v === 'number' ? v : null, locale)} />
      )}
      <Bar
        dataKey="score"
        name={scoreLabel}
        fill="#1677ff"
        barSize={Math.max(8, rowHeight - 10)}
        isAnimationActive={false}
      >
        <LabelList
          dataKey="score"
          content={(p) => (
            <MarginLabel
              x={p.x}
              y={p.y}
              width={p.width}
              height={p.height}
              value={p.value}
              locale={locale}
            />
          )}
        />
      </Bar>
      {cityScore !== null ? (
        <ReferenceLine
          x={cityScore}
          stroke="#fa541c"
          strokeDasharray="4 3"
          label={{
            value: `${cityLabel} ${formatScore(cityScore, locale)}`,
            position: 'top',
            fontSize: 11,
            fill: '#fa541c',
          }}
        />
      ) : null}
    </BarChart>
  );
  if (width) return chart;
  return (
    <ResponsiveContainer width="100%" height="100%">
      {chart}
    </ResponsiveContainer>
  );
}
