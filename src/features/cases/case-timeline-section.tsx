import { Alert, Skeleton, Space } from 'antd';
import { isoFromDay, type DayIndex } from '../../domain/calendar';
import { CaseTimelineChart, caseTimelineHeight } from '../../charts/case-timeline';
import { ChartFrame } from '../../charts/chart-frame';
import { useCaseMsg } from './case-messages';
import { CaseTimelineTable } from './case-timeline-table';
import { useTimelineSectionMsg } from './case-timeline-messages';
import type { CaseData } from './use-case-data';

/** The timeline chart (exportable) with the same steps and suspensions as a table below it. */
export function CaseTimelineSection({
  data,
  caseId,
  asOfDay,
}: {
  data: CaseData;
  caseId: string;
  asOfDay: DayIndex;
}) {
  const m = useTimelineSectionMsg();
  const cm = useCaseMsg();
  const { timeline } = data;
  if (!timeline) {
    return data.stepsLoaded ? null : (
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Alert type="info" title={cm('eventsLoading')} />
        <Skeleton active />
      </Space>
    );
  }
  const committed = timeline.markers.find((mk) => mk.kind === 'committed');
  const statutory = timeline.markers.find((mk) => mk.kind === 'statutory');
  return (
    <div data-testid="case-timeline">
      <ChartFrame
        title={`${m('title')} · ${caseId}`}
        period={m('period', {
          from: isoFromDay(timeline.axis.acceptedDay),
          to: isoFromDay(timeline.axis.lastDay),
        })}
        source={m('source', { asOf: isoFromDay(asOfDay) })}
        exportName={`办件时间轴-${caseId}`}
        summary={m('summary', {
          id: caseId,
          steps: timeline.steps.length,
          sus: timeline.suspensions.length,
          c: committed?.dayNumber ?? 0,
          s: statutory?.dayNumber ?? 0,
        })}
        height={caseTimelineHeight(timeline)}
        below={<CaseTimelineTable timeline={timeline} departments={data.departmentNames} />}
      >
        <CaseTimelineChart timeline={timeline} />
      </ChartFrame>
    </div>
  );
}
