/**
 * The lanes of the case timeline: one bar per step (the current one darker, labelled) and one per
 * suspension (the part beyond the approved days in red).
 */
import type { CaseTimeline } from '../engine/case-view';
import { estimateTextWidth, TIMELINE_GEOMETRY as G } from '../engine/case-view-layout';
import { TIMELINE_COLORS, useTimelineMsg } from './case-timeline-theme';

const FONT = 12;

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

export interface CaseTimelineLanesProps {
  steps: CaseTimeline['steps'];
  suspensions: CaseTimeline['suspensions'];
  sx: (x: number) => number;
  /** Top pixel of the first lane. */
  top: number;
  stepLabel?: (step: CaseTimeline['steps'][number]) => string;
}

/** Step lanes, then suspension lanes. */
export function CaseTimelineLanes({
  steps,
  suspensions,
  sx,
  top,
  stepLabel,
}: CaseTimelineLanesProps) {
  const m = useTimelineMsg();
  const laneY = (i: number) => top + i * G.laneHeight;
  const barH = G.laneHeight - 10;
  return (
    <g>
      {steps.map((s, i) => {
        const y = laneY(i);
        const x0 = sx(s.x0);
        const w = Math.max(3, sx(s.x1) - x0);
        const open = s.leftAt === null;
        return (
          <g key={s.id}>
            {/* The step and handler come from the feed: Chinese in either UI language. */}
            <text x={8} y={y + G.laneHeight / 2 + 4} fill={TIMELINE_COLORS.text} lang="zh-CN">
              {truncate(stepLabel ? stepLabel(s) : `${s.step} · ${s.handler}`, 13)}
            </text>
            <rect
              x={x0}
              y={y + 5}
              width={w}
              height={barH}
              rx={3}
              fill={open ? TIMELINE_COLORS.openStep : TIMELINE_COLORS.step}
            >
              <title>{`${s.step} · ${s.handler}`}</title>
            </rect>
            {open ? (
              <OpenLabel
                text={m('step.open')}
                barLeft={x0}
                barRight={x0 + w}
                y={y + G.laneHeight / 2 + 4}
                color={TIMELINE_COLORS.openStep}
              />
            ) : null}
          </g>
        );
      })}
      {suspensions.map((s, j) => {
        const y = laneY(steps.length + j);
        const x0 = sx(s.x0);
        const x1 = Math.max(x0 + 3, sx(s.x1));
        const ox = s.overrunX === null ? null : sx(s.overrunX);
        return (
          <g key={`sus-${s.index}`}>
            <text x={8} y={y + G.laneHeight / 2 + 4} fill={TIMELINE_COLORS.text}>
              {truncate(m('sus.lane', { kind: s.kind }), 13)}
            </text>
            <rect
              x={x0}
              y={y + 5}
              width={x1 - x0}
              height={barH}
              rx={3}
              fill={TIMELINE_COLORS.suspension}
            />
            {ox !== null && x1 > ox ? (
              <rect x={ox} y={y + 5} width={x1 - ox} height={barH} fill={TIMELINE_COLORS.overrun} />
            ) : null}
            {s.endAt === null ? (
              <OpenLabel
                text={m('sus.open')}
                barLeft={x0}
                barRight={x1}
                y={y + G.laneHeight / 2 + 4}
                color={TIMELINE_COLORS.suspensionText}
              />
            ) : null}
          </g>
        );
      })}
    </g>
  );
}

/**
 * "当前环节" / "进行中" after a running bar; when the bar reaches the right edge the label goes
 * inside the bar's end in white, so it is never cut off.
 */
function OpenLabel(props: {
  text: string;
  barLeft: number;
  barRight: number;
  y: number;
  color: string;
}) {
  const w = estimateTextWidth(props.text, FONT) + 8;
  if (props.barRight + w <= G.width - 2) {
    return (
      <text x={props.barRight + 4} y={props.y} fill={props.color}>
        {props.text}
      </text>
    );
  }
  const inside = props.barRight - props.barLeft >= w;
  return (
    <text
      x={inside ? props.barRight - 4 : props.barLeft - 4}
      y={props.y}
      textAnchor="end"
      fill={inside ? '#ffffff' : props.color}
    >
      {props.text}
    </text>
  );
}
