/**
 * Colours and wording of the case timeline, shared by the chart, its axis and its legend.
 * The deadline colours follow the warning levels: 承诺期限 orange (黄牌 begins there), 法定期限 red
 * (红牌 begins there).
 */
import type { DeadlineMarker } from '../engine/case-view';
import { defineMessages } from '../i18n';

export const TIMELINE_COLORS = {
  text: '#262626',
  muted: '#8c8c8c',
  axis: '#595959',
  gap: '#bfbfbf',
  acceptanceDay: '#f0f0f0',
  suspendedBand: 'rgba(250, 173, 20, 0.14)',
  step: '#69b1ff',
  openStep: '#1677ff',
  suspension: '#faad14',
  suspensionText: '#ad6800',
  overrun: '#cf1322',
} as const;

export const MARKER_COLORS: Record<DeadlineMarker['kind'], string> = {
  committed: '#d46b08',
  statutory: '#cf1322',
  'as-of': '#1677ff',
  completed: '#389e0d',
};

export const useTimelineMsg = defineMessages(
  {
    'marker.committed': '承诺期限 第{n}日（{date}）',
    'marker.statutory': '法定期限 第{n}日（{date}）',
    'marker.as-of': '统计时点 第{n}日（{date}）',
    'marker.completed': '办结 第{n}日（{date}）',
    'band.title': '暂停计时 {from} 至 {to}：这些工作日不计入时限',
    'gap.title': '{from} 至 {to} 非工作日 {n} 天（已压缩）',
    'step.open': '当前环节',
    'sus.lane': '暂停计时 · {kind}',
    'sus.open': '进行中',
    noSteps: '没有环节流转记录',
    acceptance: '受理日',
    caption:
      '横轴：受理后第 N 个工作日（受理当日不计）；周末与法定节假日已压缩，轴上以 // 标出，3 天以上假期另以竖虚线标出',
    'legend.step': '环节',
    'legend.open': '当前环节',
    'legend.suspension': '暂停计时',
    'legend.overrun': '超出申请天数',
    'legend.band': '不计时的暂停日',
    'legend.committed': '承诺期限',
    'legend.statutory': '法定期限',
    'legend.asOf': '统计时点',
    'legend.completed': '办结',
  },
  {
    'marker.committed': 'Committed deadline day {n} ({date})',
    'marker.statutory': 'Statutory deadline day {n} ({date})',
    'marker.as-of': 'As of day {n} ({date})',
    'marker.completed': 'Completed day {n} ({date})',
    'band.title': 'Suspended {from} to {to}: these working days do not count',
    'gap.title': '{from} to {to}: {n} non-working days (compressed)',
    'step.open': 'current step',
    'sus.lane': 'Suspension · {kind}',
    'sus.open': 'running',
    noSteps: 'No step records',
    acceptance: 'Accepted',
    caption:
      'Axis: working day N after acceptance (acceptance day not counted); weekends and holidays compressed, marked //, holidays of 3+ days by a dashed line',
    'legend.step': 'Step',
    'legend.open': 'Current step',
    'legend.suspension': 'Suspension',
    'legend.overrun': 'Beyond approved days',
    'legend.band': 'Suspended (not counted)',
    'legend.committed': 'Committed deadline',
    'legend.statutory': 'Statutory deadline',
    'legend.asOf': 'As of',
    'legend.completed': 'Completed',
  },
);
