import { Card, Empty, Table, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { Link } from 'react-router';
import { SLOW_ACTION_CODES, type SlowActionCode } from '../../domain/slow-action';
import { countByRule, flagNotice, type SlowActionFlagRow } from '../../engine/slow-action-view';
import { FlagReason } from '../../ui/flag-reason';
import { useSlowActionText } from '../../ui/slow-action-text';
import { intlLocale, useLocaleStore } from '../../i18n';
import { formatCount } from '../../ui/format';
import { useDepartmentMsg } from './department-messages';
import { withDept } from './links';
import { casePath, noticePath } from '../../state/id-links';

interface RuleLine {
  code: SlowActionCode;
  count: number;
  latest: SlowActionFlagRow | null;
}

/** The department's slow-action flags per rule with the latest of each, and a link to all. */
export function DepartmentFlags({
  departmentId,
  flags,
  periodName,
  search,
}: {
  departmentId: string;
  /** This department's flag rows (slowActionFlagRows filtered to it). */
  flags: readonly SlowActionFlagRow[];
  periodName: string;
  search: string;
}) {
  const m = useDepartmentMsg();
  const locale = useLocaleStore((s) => s.locale);
  const w = useSlowActionText();
  const intl = intlLocale(locale);
  const lines = useMemo<RuleLine[]>(() => {
    const counts = countByRule(flags);
    return SLOW_ACTION_CODES.filter((c) => counts[c] > 0).map((code) => {
      let latest: SlowActionFlagRow | null = null;
      for (const f of flags)
        if (f.code === code && (latest === null || f.sinceDay > latest.sinceDay)) latest = f;
      return { code, count: counts[code], latest };
    });
  }, [flags]);
  return (
    <Card
      size="small"
      title={m('flagsTitle')}
      extra={
        flags.length > 0 ? (
          <Link to={{ pathname: '/slow-action', search: withDept(search, departmentId) }}>
            {m('flagsAll', { n: formatCount(flags.length, intl) })}
          </Link>
        ) : null
      }
      data-testid="department-flags"
    >
      <p style={{ color: '#8c8c8c', marginTop: 0 }}>{m('flagsNote', { period: periodName })}</p>
      <Table<RuleLine>
        size="small"
        rowKey="code"
        dataSource={lines}
        pagination={false}
        locale={{ emptyText: <Empty description={m('flagsEmpty')} /> }}
        columns={[
          {
            key: 'rule',
            title: m('colRule'),
            width: 140,
            render: (_, l) => <Tag color="orange">{w.ruleName(l.code)}</Tag>,
          },
          {
            key: 'count',
            title: m('colCount'),
            width: 80,
            align: 'right',
            render: (_, l) => (
              <Link
                to={{
                  pathname: '/slow-action',
                  search: withDept(search, departmentId, { rule: l.code }),
                }}
              >
                {formatCount(l.count, intl)}
              </Link>
            ),
          },
          {
            key: 'latest',
            title: m('colLatest'),
            render: (_, l) =>
              l.latest ? (
                <span>
                  <Typography.Text type="secondary">{l.latest.since}</Typography.Text>{' '}
                  <FlagSubjectLink row={l.latest} search={search} />{' '}
                  <FlagReason code={l.latest.code} evidence={l.latest.evidence} />
                </span>
              ) : null,
          },
        ]}
      />
    </Card>
  );
}

/** The flagged case, or the 督办单 of a 逾期未反馈 flag, as a link (nothing for 临期突击). */
function FlagSubjectLink({ row, search }: { row: SlowActionFlagRow; search: string }) {
  if (row.caseId !== null)
    return <Link to={{ pathname: casePath(row.caseId), search }}>{row.caseId}</Link>;
  const notice = flagNotice(row);
  return notice === null ? null : (
    <Link to={{ pathname: noticePath(notice.id), search }}>{notice.number}</Link>
  );
}
