import type { AlertItem } from '../../contract/alerts';
import type { AlertsMsg } from './alerts-messages';

/**
 * Why a case has its level, in the UI language, from the row's figures (the service sends the
 * figures; its own Chinese `reason` is for the export file only): "已超承诺期限 3 个工作日，距法定
 * 期限还剩 2 个工作日" / "3 working day(s) past the committed deadline; 2 working day(s) left…".
 */
export function alertReasonText(r: AlertItem, m: AlertsMsg): string {
  const parts: string[] = [];
  if (r.level === 'red') {
    const late = Math.max(0, -r.statutoryRemainingDays);
    parts.push(late > 0 ? m('reason.red', { n: late }) : m('reason.redToday'));
  } else if (r.level === 'yellow') {
    parts.push(
      r.overdueDays > 0 ? m('reason.yellow', { n: r.overdueDays }) : m('reason.yellowToday'),
    );
    const left = r.statutoryRemainingDays;
    parts.push(left > 0 ? m('reason.statutoryLeft', { n: left }) : m('reason.statutoryToday'));
  } else {
    const left = r.remainingDays;
    parts.push(left > 0 ? m('reason.early', { n: left }) : m('reason.earlyToday'));
  }
  if (r.suspensionOverrunDays > 0) parts.push(m('reason.overrun', { n: r.suspensionOverrunDays }));
  return parts.join(m('reason.join'));
}
