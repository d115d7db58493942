/**
 * The alert list's columns: one definition per column feeds the on-screen table (render, sort)
 * and both exports (value, kind), so the export is exactly the shown columns.
 */
import { Space, Tag, Tooltip } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { shanghaiDayOf } from '../../domain/calendar';
import { isoFromDay } from '../../domain/calendar';
import { slowActionRuleName } from '../../domain/slow-action';
import { alertReason, type AlertLocale, type AlertSortKey } from '../../engine/alerts';
import type { CaseStatusRow } from '../../engine/dashboard';
import { shanghaiDateTimeText, type TableColumn } from '../../export/table-export';
import type { AlertsMsg } from './alerts-messages';

/** A column of the alert list: the export definition plus how the screen shows and sorts it. */
export interface AlertColumn extends TableColumn<CaseStatusRow> {
  sortKey?: AlertSortKey;
  render?: (row: CaseStatusRow) => ReactNode;
  /** Screen width in px. */
  px: number;
  align?: 'right';
}

const LEVEL_COLOR: Record<CaseStatusRow['level'], string> = {
  red: 'red',
  yellow: 'gold',
  'early-warning': 'blue',
  normal: 'default',
};

/** A deadline as shown and exported: the civil date, or the full instant for a dueAt case. */
function deadlineValue(day: number, at: number | null): string | number {
  return at === null ? day : shanghaiDateTimeText(at).slice(0, 16);
}

function deadlineText(day: number, at: number | null): string {
  return at === null ? isoFromDay(day) : shanghaiDateTimeText(at).slice(0, 16);
}

export interface AlertColumnContext {
  m: AlertsMsg;
  locale: AlertLocale;
  departmentName: (id: string) => string;
  itemName: (code: string) => string;
  /** Query string (period, dept) carried to the case page. */
  caseSearch: string;
}

/** Builds the columns for the current language and names. */
export function alertColumns(ctx: AlertColumnContext): AlertColumn[] {
  const { m, locale } = ctx;
  const levelLabel = (r: CaseStatusRow) =>
    r.level === 'normal' ? '' : m(`level.${r.level}` as const);
  const flagNames = (r: CaseStatusRow) => r.flagCodes.map((c) => slowActionRuleName(c));
  return [
    {
      key: 'id',
      header: m('col.id'),
      kind: 'text',
      value: (r) => r.id,
      sortKey: 'id',
      px: 190,
      width: 18,
      render: (r) => (
        <Link to={{ pathname: `/cases/${encodeURIComponent(r.id)}`, search: ctx.caseSearch }}>
          {r.id}
        </Link>
      ),
    },
    {
      key: 'level',
      header: m('col.level'),
      kind: 'text',
      value: levelLabel,
      sortKey: 'severity',
      px: 84,
      render: (r) => <Tag color={LEVEL_COLOR[r.level]}>{levelLabel(r)}</Tag>,
    },
    {
      key: 'reason',
      header: m('col.reason'),
      kind: 'text',
      value: (r) => alertReason(r, locale),
      px: 280,
      width: 44,
    },
    {
      key: 'department',
      header: m('col.department'),
      kind: 'text',
      value: (r) => ctx.departmentName(r.departmentId),
      sortKey: 'department',
      px: 150,
      width: 20,
    },
    {
      key: 'item',
      header: m('col.item'),
      kind: 'text',
      value: (r) => ctx.itemName(r.itemCode),
      sortKey: 'item',
      px: 200,
      width: 30,
    },
    { key: 'channel', header: m('col.channel'), kind: 'text', value: (r) => r.channel, px: 64 },
    {
      key: 'accepted',
      header: m('col.accepted'),
      kind: 'date',
      value: (r) => shanghaiDayOf(r.acceptedAt),
      sortKey: 'accepted',
      px: 110,
      render: (r) => isoFromDay(shanghaiDayOf(r.acceptedAt)),
    },
    {
      key: 'committedDue',
      header: m('col.committedDue'),
      kind: 'date',
      value: (r) => deadlineValue(r.committedDue, r.committedDueAt),
      sortKey: 'committedDue',
      px: 140,
      width: 17,
      render: (r) => deadlineText(r.committedDue, r.committedDueAt),
    },
    {
      key: 'statutoryDue',
      header: m('col.statutoryDue'),
      kind: 'date',
      value: (r) => deadlineValue(r.statutoryDue, r.statutoryDueAt),
      sortKey: 'statutoryDue',
      px: 140,
      width: 17,
      render: (r) => deadlineText(r.statutoryDue, r.statutoryDueAt),
    },
    {
      key: 'elapsed',
      header: m('col.elapsed'),
      kind: 'integer',
      value: (r) => r.elapsedDays,
      sortKey: 'elapsed',
      px: 100,
      align: 'right',
    },
    {
      key: 'remaining',
      header: m('col.remaining'),
      kind: 'integer',
      value: (r) => r.remainingDays,
      sortKey: 'remaining',
      px: 130,
      align: 'right',
    },
    {
      key: 'statutoryRemaining',
      header: m('col.statutoryRemaining'),
      kind: 'integer',
      value: (r) => r.statutoryRemainingDays,
      px: 130,
      align: 'right',
    },
    {
      key: 'suspended',
      header: m('col.suspended'),
      kind: 'integer',
      value: (r) => r.suspendedDays,
      sortKey: 'suspended',
      px: 100,
      align: 'right',
    },
    {
      key: 'flags',
      header: m('col.flags'),
      kind: 'text',
      value: (r) => flagNames(r).join('、'),
      px: 180,
      width: 24,
      render: (r) =>
        r.flagCodes.length === 0 ? null : (
          <Tooltip title={flagNames(r).join('、')}>
            <Space size={2} style={{ flexWrap: 'nowrap', overflow: 'hidden' }}>
              {r.flagCodes.map((c) => (
                <Tag key={c} bordered={false} style={{ marginInlineEnd: 0 }} data-code={c}>
                  {slowActionRuleName(c)}
                </Tag>
              ))}
            </Space>
          </Tooltip>
        ),
    },
  ];
}
