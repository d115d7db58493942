/**
 * The timeline of one case on a working-day axis: a lane per step (环节) and per suspension
 * (暂停计时), grey bands where the clock stood still, and vertical lines for 承诺期限, 法定期限 and
 * the as-of instant (or the completion). Hand-made SVG (recharts has no Gantt), drawn with
 * explicit colours and sizes so the exported image looks the same as the page.
 */
import {
  monthDay as isoMonthDay,
  type CaseTimeline,
  type DeadlineMarker,
} from '../engine/case-view';
import { placeLabels, TIMELINE_GEOMETRY as G, timelineScale } from '../engine/case-view-layout';
import { CaseTimelineAxis } from './case-timeline-axis';
import { CaseTimelineLanes } from './case-timeline-lanes';
import { MARKER_COLORS, TIMELINE_COLORS, useTimelineMsg } from './case-timeline-theme';

export interface CaseTimelineChartProps {
  timeline: CaseTimeline;
  /** Department names by id, for the lane labels of steps handled elsewhere. */
  stepLabel?: (step: CaseTimeline['steps'][number]) => string;
}

const FONT = 12;

/** Total pixel height the chart needs for a timeline (for ChartFrame's `height`). */
export function caseTimelineHeight(timeline: CaseTimeline): number {
  const lanes = Math.max(1, timeline.steps.length + timeline.suspensions.length);
  return (
    4 * G.markerRowHeight + lanes * G.laneHeight + G.axisHeight + G.captionHeight + G.legendHeight
  );
}

/** The timeline SVG. */
export function CaseTimelineChart({ timeline, stepLabel }: CaseTimelineChartProps) {
  const m = useTimelineMsg();
  const { axis, steps, suspensions, suspendedBands, markers } = timeline;
  const sx = timelineScale(axis.maxX);
  const plotLeft = sx(-1);
  const plotRight = sx(axis.maxX + 0.5);
  const markerText = (mk: DeadlineMarker) =>
    m(`marker.${mk.kind}`, { n: mk.dayNumber, date: isoMonthDay(mk.day) });
  const { placed, rows } = placeLabels(
    markers.map((mk) => ({ item: mk, px: sx(mk.x), text: markerText(mk) })),
    FONT,
    G.width - 4,
  );
  const top = Math.max(1, rows) * G.markerRowHeight + 8;
  const laneCount = Math.max(1, steps.length + suspensions.length);
  const lanesBottom = top + laneCount * G.laneHeight;
  const height = caseTimelineHeight(timeline);

  return (
    <svg
      // ChartFrame's exporter looks for the chart surface by this class (it was written for
      // recharts); the timeline is hand-made SVG, so it carries the same class.
      className="recharts-surface"
      viewBox={`0 0 ${G.width} ${height}`}
      width="100%"
      height={height}
      preserveAspectRatio="xMinYMin meet"
      fontSize={FONT}
      style={{ maxWidth: G.width, display: 'block' }}
      data-testid="case-timeline-svg"
    >
      <rect x={0} y={0} width={G.width} height={height} fill="#ffffff" />
      {/* Acceptance day band: not counted (民法典 201). */}
      <rect
        x={sx(-1)}
        y={top}
        width={sx(0) - sx(-1)}
        height={lanesBottom - top}
        fill={TIMELINE_COLORS.acceptanceDay}
      />
      {suspendedBands.map((b) => (
        <rect
          key={`band-${b.from}`}
          x={sx(b.x0)}
          y={top}
          width={Math.max(1, sx(b.x1) - sx(b.x0))}
          height={lanesBottom - top}
          fill={TIMELINE_COLORS.suspendedBand}
        >
          <title>{m('band.title', { from: isoMonthDay(b.from), to: isoMonthDay(b.to) })}</title>
        </rect>
      ))}
      {axis.gaps
        .filter((g) => g.days >= 3)
        .map((g) => (
          <line
            key={`gap-${g.from}`}
            x1={sx(g.x)}
            x2={sx(g.x)}
            y1={top}
            y2={lanesBottom}
            stroke={TIMELINE_COLORS.gap}
            strokeDasharray="2 3"
          >
            <title>
              {m('gap.title', { from: isoMonthDay(g.from), to: isoMonthDay(g.to), n: g.days })}
            </title>
          </line>
        ))}
      <CaseTimelineLanes
        steps={steps}
        suspensions={suspensions}
        sx={sx}
        top={top}
        stepLabel={stepLabel}
      />
      {steps.length + suspensions.length === 0 ? (
        <text x={plotLeft + 8} y={top + G.laneHeight / 2 + 4} fill={TIMELINE_COLORS.muted}>
          {m('noSteps')}
        </text>
      ) : null}
      {markers.map((mk) => (
        <line
          key={`line-${mk.kind}`}
          x1={sx(mk.x)}
          x2={sx(mk.x)}
          y1={top - 4}
          y2={lanesBottom + 4}
          stroke={MARKER_COLORS[mk.kind]}
          strokeWidth={2}
          strokeDasharray={
            mk.kind === 'committed' ? '6 3' : mk.kind === 'as-of' ? '2 2' : undefined
          }
        />
      ))}
      {placed.map((p) => (
        <text
          key={`label-${p.item.kind}`}
          x={p.left}
          y={(p.row + 1) * G.markerRowHeight}
          fill={MARKER_COLORS[p.item.kind]}
          fontWeight={600}
        >
          {markerText(p.item)}
        </text>
      ))}
      <CaseTimelineAxis
        axis={axis}
        sx={sx}
        y={lanesBottom}
        plotLeft={plotLeft}
        plotRight={plotRight}
        completed={markers.some((mk) => mk.kind === 'completed')}
      />
    </svg>
  );
}
