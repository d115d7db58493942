import { Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router';
import { SLOW_ACTION_CODES } from '../../domain/slow-action';
import type { SlowActionFlagRow } from '../../engine/slow-action-view';
import { flagNotice, keyEvidence } from '../../engine/slow-action-view';
import type { TableColumn } from '../../export/table-export';
import { useSlowActionMsg } from './slow-action-messages';
import { FeedText } from '../../ui/feed-text';
import { FlagReason } from '../../ui/flag-reason';
import { casePath, departmentPath, noticePath } from '../../state/id-links';
import {
  FEED_VALUED_FIELDS,
  useSlowActionText,
  type SlowActionText,
} from '../../ui/slow-action-text';

export type FlagSortKey = 'since' | 'dept' | 'rule';
export interface FlagSort {
  key: FlagSortKey;
  order: 'ascend' | 'descend';
}

/** Key evidence as one line of text ("无流转：4 个工作日；阈值：3 个工作日"). */
export function evidenceText(row: SlowActionFlagRow, w: SlowActionText): string {
  return keyEvidence(row)
    .map(([k, v]) => `${w.evidenceLabel(k)}${w.fieldSeparator}${w.evidenceValue(row.code, k, v)}`)
    .join(w.itemSeparator);
}

/**
 * The flag table's columns, defined once: the export columns (CSV/XLSX) and the on-screen ones
 * render the same values, so an export carries exactly what the table shows.
 */
export function useFlagColumns(search: string, sort: FlagSort) {
  const m = useSlowActionMsg();
  const w = useSlowActionText();
  const stateText = (r: SlowActionFlagRow) =>
    r.caseState === null ? '' : r.caseState === 'open' ? m('stateOpen') : m('stateCompleted');
  // A department-level flag names its quarter (临期突击) or its 督办单 (逾期未反馈).
  const caseText = (r: SlowActionFlagRow) =>
    r.caseId ?? flagNotice(r)?.number ?? m('departmentLevel', { quarter: r.quarter ?? '' });

  const exportColumns: TableColumn<SlowActionFlagRow>[] = [
    { key: 'rule', header: m('colRule'), kind: 'text', value: (r) => w.ruleName(r.code) },
    { key: 'case', header: m('colCase'), kind: 'text', value: caseText, width: 22 },
    { key: 'dept', header: m('colDept'), kind: 'text', value: (r) => r.departmentName, width: 18 },
    { key: 'state', header: m('colState'), kind: 'text', value: stateText },
    { key: 'since', header: m('colSince'), kind: 'date', value: (r) => r.sinceDay, width: 12 },
    {
      key: 'explanation',
      header: m('colExplanation'),
      kind: 'text',
      value: (r) => w.explanation(r.code, r.evidence),
      width: 60,
    },
    {
      key: 'evidence',
      header: m('colEvidence'),
      kind: 'text',
      value: (r) => evidenceText(r, w),
      width: 40,
    },
  ];

  const sortOrder = (key: FlagSortKey) => (sort.key === key ? sort.order : null);
  const tableColumns: ColumnsType<SlowActionFlagRow> = [
    {
      key: 'rule',
      title: m('colRule'),
      width: 120,
      sorter: true,
      sortOrder: sortOrder('rule'),
      render: (_, r) => (
        <Tag color={r.caseId === null ? 'purple' : 'orange'}>{w.ruleName(r.code)}</Tag>
      ),
    },
    {
      key: 'case',
      title: m('colCase'),
      width: 180,
      render: (_, r) => {
        if (r.caseId !== null)
          return <Link to={{ pathname: casePath(r.caseId), search }}>{r.caseId}</Link>;
        const notice = flagNotice(r);
        if (notice !== null)
          return <Link to={{ pathname: noticePath(notice.id), search }}>{notice.number}</Link>;
        return <Typography.Text type="secondary">{caseText(r)}</Typography.Text>;
      },
    },
    {
      key: 'dept',
      title: m('colDept'),
      width: 160,
      sorter: true,
      sortOrder: sortOrder('dept'),
      render: (_, r) => (
        <Link to={{ pathname: departmentPath(r.departmentId), search }}>
          <FeedText>{r.departmentName}</FeedText>
        </Link>
      ),
    },
    { key: 'state', title: m('colState'), width: 90, render: (_, r) => stateText(r) },
    {
      key: 'since',
      title: m('colSince'),
      width: 116,
      sorter: true,
      sortOrder: sortOrder('since'),
      render: (_, r) => r.since,
    },
    {
      key: 'explanation',
      title: m('colExplanation'),
      render: (_, r) => <FlagReason code={r.code} evidence={r.evidence} />,
    },
    {
      key: 'evidence',
      title: m('colEvidence'),
      width: 220,
      render: (_, r) => (
        <ul className="evidence-list" style={{ margin: 0, paddingLeft: 16 }}>
          {keyEvidence(r).map(([k, v]) => (
            <li key={k}>
              <Typography.Text type="secondary">{w.evidenceLabel(k)}</Typography.Text>{' '}
              {FEED_VALUED_FIELDS.has(k) ? (
                <FeedText>{String(v)}</FeedText>
              ) : (
                w.evidenceValue(r.code, k, v)
              )}
            </li>
          ))}
        </ul>
      ),
    },
  ];
  return { exportColumns, tableColumns };
}

/** Sorts rows for the table and its export (the export follows the table's order). */
export function sortFlagRows(
  rows: readonly SlowActionFlagRow[],
  sort: FlagSort,
): SlowActionFlagRow[] {
  const dir = sort.order === 'ascend' ? 1 : -1;
  const cmp = (a: SlowActionFlagRow, b: SlowActionFlagRow): number => {
    switch (sort.key) {
      case 'since':
        return a.sinceDay - b.sinceDay;
      case 'dept':
        return a.departmentId.localeCompare(b.departmentId);
      case 'rule':
        return SLOW_ACTION_CODES.indexOf(a.code) - SLOW_ACTION_CODES.indexOf(b.code);
    }
  };
  return [...rows].sort(
    (a, b) => dir * cmp(a, b) || b.sinceDay - a.sinceDay || a.key.localeCompare(b.key),
  );
}
