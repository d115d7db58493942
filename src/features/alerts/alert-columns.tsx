/**
 * The alert list's columns over the service's AlertItem rows. They are the columns of the
 * service's export (src: server/http/routes/alerts.ts ALERT_EXPORT_COLUMNS) in the same order,
 * without the two code columns, so what the table shows is what the XLSX/CSV download holds.
 */
import { Space, Tag } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { IssueNoticeButton } from '../../ui/duban/issue-notice-button';
import type { AlertItem } from '../../contract/alerts';
import type { AlertSortKey } from '../../engine/alerts';
import { slowActionTextFor } from '../../ui/slow-action-text';
import type { Locale } from '../../i18n';
import { alertReasonText } from './alert-reason';
import type { AlertsMsg } from './alerts-messages';
import { casePath } from '../../state/id-links';

/** A column of the alert list: header, how the screen shows and sorts it. */
export interface AlertColumn {
  key: string;
  header: string;
  sortKey?: AlertSortKey;
  render: (row: AlertItem) => ReactNode;
  /** Screen width in px. */
  px: number;
  /** The cells hold feed text (names), marked with their language. */
  feed?: boolean;
  /** The cells hold controls (督办), not data: not in the exports, marked `data-action`. */
  action?: boolean;
  align?: 'right';
}

const LEVEL_COLOR: Record<AlertItem['level'], string> = {
  red: 'red',
  yellow: 'gold',
  'early-warning': 'blue',
};

/** `2026-07-01T09:30:00+08:00` → `2026-07-01 09:30` (already Asia/Shanghai). */
const minuteText = (iso: string): string => iso.slice(0, 16).replace('T', ' ');

export interface AlertColumnContext {
  m: AlertsMsg;
  locale: Locale;
  /** Query string (period, dept) carried to the case page. */
  caseSearch: string;
  /** A supervisor gets a 签发督办 button per row (not part of the export: it is an action). */
  canIssue?: boolean;
}

/** Builds the columns for the current language. */
export function alertColumns(ctx: AlertColumnContext): AlertColumn[] {
  const { m } = ctx;
  const levelLabel = (r: AlertItem) => m(`level.${r.level}` as const);
  const int = (v: number) => v;
  return [
    {
      key: 'id',
      header: m('col.id'),
      sortKey: 'id',
      px: 190,
      render: (r) => (
        <Link to={{ pathname: casePath(r.caseId), search: ctx.caseSearch }}>{r.caseId}</Link>
      ),
    },
    {
      key: 'level',
      header: m('col.level'),
      sortKey: 'severity',
      // Wide enough for 「红牌（已撤销）」 under the 已撤销 filter.
      px: 120,
      // A revoked card (listed only when the filter asks) says so in the same words as the export.
      render: (r) =>
        r.revoked === true ? (
          <Tag data-testid="alert-revoked">{m('revokedTag', { level: levelLabel(r) })}</Tag>
        ) : (
          <Tag color={LEVEL_COLOR[r.level]}>{levelLabel(r)}</Tag>
        ),
    },
    {
      key: 'department',
      header: m('col.department'),
      sortKey: 'department',
      px: 150,
      feed: true,
      render: (r) => r.departmentName,
    },
    {
      key: 'item',
      header: m('col.item'),
      sortKey: 'item',
      px: 200,
      feed: true,
      render: (r) => r.itemName,
    },
    {
      key: 'accepted',
      header: m('col.accepted'),
      sortKey: 'accepted',
      px: 140,
      render: (r) => minuteText(r.acceptedAt),
    },
    {
      key: 'committedDue',
      header: m('col.committedDue'),
      sortKey: 'committedDue',
      px: 110,
      render: (r) => r.committedDue,
    },
    {
      key: 'statutoryDue',
      header: m('col.statutoryDue'),
      sortKey: 'statutoryDue',
      px: 110,
      render: (r) => r.statutoryDue,
    },
    {
      key: 'elapsed',
      header: m('col.elapsed'),
      sortKey: 'elapsed',
      px: 100,
      align: 'right',
      render: (r) => int(r.elapsedDays),
    },
    {
      key: 'remaining',
      header: m('col.remaining'),
      sortKey: 'remaining',
      px: 100,
      align: 'right',
      render: (r) => int(r.remainingDays),
    },
    {
      key: 'suspended',
      header: m('col.suspended'),
      sortKey: 'suspended',
      px: 100,
      align: 'right',
      render: (r) => int(r.suspendedDays),
    },
    {
      key: 'overdue',
      header: m('col.overdue'),
      px: 100,
      align: 'right',
      render: (r) => int(r.overdueDays),
    },
    {
      key: 'reason',
      header: m('col.reason'),
      px: 320,
      render: (r) => (
        <Space size={4} style={{ flexWrap: 'nowrap', overflow: 'hidden' }}>
          {r.flagCodes.map((c) => (
            <Tag key={c} variant="filled" style={{ marginInlineEnd: 0 }} data-code={c}>
              {slowActionTextFor(ctx.locale).ruleName(c)}
            </Tag>
          ))}
          <span title={alertReasonText(r, m)}>{alertReasonText(r, m)}</span>
        </Space>
      ),
    },
    ...(ctx.canIssue === true
      ? [
          {
            key: 'duban',
            header: m('col.duban'),
            px: 110,
            action: true,
            render: (r: AlertItem) =>
              r.revoked === true ? null : (
                <IssueNoticeButton
                  target={{ kind: 'case', caseId: r.caseId }}
                  testId={`issue-${r.caseId}`}
                />
              ),
          },
        ]
      : []),
  ];
}
