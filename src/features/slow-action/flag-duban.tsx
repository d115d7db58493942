import type { ColumnType } from 'antd/es/table';
import type { SlowActionFlagRow } from '../../engine/slow-action-view';
import type { Locale } from '../../i18n';
import { slowActionTextFor } from '../../ui/slow-action-text';
import { IssueNoticeButton } from '../../ui/duban/issue-notice-button';
import type { NoticeTarget } from '../../ui/duban/issue-notice-dialog';

/** A 督办单 covers one department: at most this many flags (the service's limit). */
const MAX_FLAGS = 500;

/** The notice target for case-level flag rows of one department (department-level rows are skipped). */
export function flagsTarget(
  rows: readonly SlowActionFlagRow[],
  locale: Locale,
): Extract<NoticeTarget, { kind: 'flags' }> | null {
  const caseRows = rows.filter((r) => r.caseId !== null).slice(0, MAX_FLAGS);
  const first = caseRows[0];
  if (first === undefined || caseRows.some((r) => r.departmentId !== first.departmentId))
    return null;
  return {
    kind: 'flags',
    departmentId: first.departmentId,
    departmentName: first.departmentName,
    flags: caseRows.map((r) => ({
      caseId: r.caseId ?? '',
      rule: r.code,
      ruleName: slowActionTextFor(locale).ruleName(r.code),
    })),
  };
}

/**
 * The 督办 column: a control, not data — never in the exports, its cells marked `data-action`
 * like the alerts table's. Case-level flags only (a department-level one has no case to act on).
 */
export function flagDubanColumn(title: string, locale: Locale): ColumnType<SlowActionFlagRow> {
  return {
    key: 'duban',
    title,
    width: 96,
    onCell: () => ({ 'data-action': 'true' }) as React.TdHTMLAttributes<HTMLTableCellElement>,
    render: (_, r) => {
      const target = flagsTarget([r], locale);
      return target === null ? null : (
        <IssueNoticeButton target={target} testId={`issue-flag-${r.code}-${r.caseId ?? ''}`} />
      );
    },
  };
}
