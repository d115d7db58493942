/**
 * The working-day axis of the case timeline, with its explanation and the legend, drawn inside
 * the SVG so an exported image keeps them.
 */
import { monthDay, axisTicks, type WorkingDayAxis } from '../engine/case-view';
import { estimateTextWidth, TIMELINE_GEOMETRY as G } from '../engine/case-view-layout';
import { MARKER_COLORS, TIMELINE_COLORS, useTimelineMsg } from './case-timeline-theme';

export interface CaseTimelineAxisProps {
  axis: WorkingDayAxis;
  sx: (x: number) => number;
  /** Top pixel of the axis line. */
  y: number;
  plotLeft: number;
  plotRight: number;
  /** The case is completed: the legend names the completion line instead of the as-of line. */
  completed: boolean;
}

/** Axis line, ticks (working-day number over MM-DD), gap marks, caption and legend. */
export function CaseTimelineAxis({
  axis,
  sx,
  y,
  plotLeft,
  plotRight,
  completed,
}: CaseTimelineAxisProps) {
  const m = useTimelineMsg();
  const ticks = axisTicks(axis.maxX);
  type LegendKey =
    | 'legend.step'
    | 'legend.open'
    | 'legend.suspension'
    | 'legend.overrun'
    | 'legend.band'
    | 'legend.committed'
    | 'legend.statutory'
    | 'legend.asOf'
    | 'legend.completed';
  const legend: { key: LegendKey; color: string; line?: boolean }[] = [
    { key: 'legend.step', color: TIMELINE_COLORS.step },
    { key: 'legend.open', color: TIMELINE_COLORS.openStep },
    { key: 'legend.suspension', color: TIMELINE_COLORS.suspension },
    { key: 'legend.overrun', color: TIMELINE_COLORS.overrun },
    { key: 'legend.band', color: 'rgba(250, 173, 20, 0.35)' },
    { key: 'legend.committed', color: MARKER_COLORS.committed, line: true },
    { key: 'legend.statutory', color: MARKER_COLORS.statutory, line: true },
    completed
      ? { key: 'legend.completed', color: MARKER_COLORS.completed, line: true }
      : { key: 'legend.asOf', color: MARKER_COLORS['as-of'], line: true },
  ];
  const legendY = y + G.axisHeight + G.captionHeight + 4;
  let lx = 8;
  return (
    <g>
      <line x1={plotLeft} x2={plotRight} y1={y} y2={y} stroke={TIMELINE_COLORS.axis} />
      <line x1={sx(-1)} x2={sx(-1)} y1={y} y2={y + 4} stroke={TIMELINE_COLORS.axis} />
      <text
        x={(sx(-1) + sx(0)) / 2}
        y={y + 16}
        textAnchor="middle"
        fontSize={11}
        fill={TIMELINE_COLORS.axis}
      >
        {m('acceptance')}
      </text>
      <text
        x={(sx(-1) + sx(0)) / 2}
        y={y + 30}
        textAnchor="middle"
        fontSize={10}
        fill={TIMELINE_COLORS.muted}
      >
        {monthDay(axis.acceptedDay)}
      </text>
      {ticks.map((n) => {
        // The label sits under the middle of working day n's band.
        const cx = (sx(n - 1) + sx(n)) / 2;
        return (
          <g key={`tick-${n}`}>
            <line x1={sx(n)} x2={sx(n)} y1={y} y2={y + 4} stroke={TIMELINE_COLORS.axis} />
            <text x={cx} y={y + 16} textAnchor="middle" fontSize={11} fill={TIMELINE_COLORS.axis}>
              {n}
            </text>
            <text x={cx} y={y + 30} textAnchor="middle" fontSize={10} fill={TIMELINE_COLORS.muted}>
              {monthDay(axis.dayOfNumber(n))}
            </text>
          </g>
        );
      })}
      {axis.gaps.map((g) => {
        // An axis-break mark (two short slashes) where non-working days were taken out.
        const gx = sx(g.x);
        return (
          <g key={`gapmark-${g.from}`} stroke={TIMELINE_COLORS.axis} strokeWidth={1}>
            <title>
              {m('gap.title', { from: monthDay(g.from), to: monthDay(g.to), n: g.days })}
            </title>
            <line x1={gx - 3} x2={gx} y1={y + 4} y2={y - 4} />
            <line x1={gx} x2={gx + 3} y1={y + 4} y2={y - 4} />
          </g>
        );
      })}
      <text x={8} y={y + G.axisHeight + 12} fontSize={11} fill={TIMELINE_COLORS.axis}>
        {m('caption')}
      </text>
      {legend.map((item) => {
        const label = m(item.key);
        const x = lx;
        lx += 22 + estimateTextWidth(label, 11) + 14;
        return (
          <g key={item.key}>
            {item.line ? (
              <line
                x1={x}
                x2={x + 16}
                y1={legendY + 6}
                y2={legendY + 6}
                stroke={item.color}
                strokeWidth={2}
              />
            ) : (
              <rect x={x} y={legendY} width={16} height={12} rx={2} fill={item.color} />
            )}
            <text x={x + 20} y={legendY + 10} fontSize={11} fill={TIMELINE_COLORS.text}>
              {label}
            </text>
          </g>
        );
      })}
    </g>
  );
}
