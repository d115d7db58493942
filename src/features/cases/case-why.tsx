import { Card, Descriptions, Space, Typography } from 'antd';
import { isoFromDay, shanghaiDayOf, type DayIndex } from '../../domain/calendar';
import type { CaseStatusRow } from '../../engine/dashboard';
import { useLocaleStore } from '../../i18n';
import { formatDateTime } from '../../ui/format';
import { CaseLevelTag } from './case-level-tag';
import { useCaseMsg, type CaseMsg } from './case-messages';
import type { CaseData } from './use-case-data';

/**
 * The warning level and why: both deadlines, elapsed, remaining (committed and statutory),
 * suspended and overrun days — every figure straight from the model row, so the page says exactly
 * what the alerts list and the exports say.
 */
export function CaseWhy({ data, asOfMs }: { data: CaseData; asOfMs: number }) {
  const m = useCaseMsg();
  const locale = useLocaleStore((s) => s.locale);
  const threshold = data.settings.warning.earlyWarningDays;
  const { row, cal } = data;
  const acceptedDay = shanghaiDayOf(row.acceptedAt);
  const due = (day: DayIndex, at: number | null) =>
    at !== null
      ? m('dueInstant', { at: formatDateTime(at, locale) })
      : m('dueEndOfDay', {
          date: isoFromDay(day),
          n: day <= acceptedDay ? 0 : cal.countWorkingDays(acceptedDay, day),
        });
  const committed = due(row.committedDue, row.committedDueAt);
  const statutory = due(row.statutoryDue, row.statutoryDueAt);
  const remaining = (r: number) =>
    r < 0 ? m('overdueValue', { n: -r }) : m('remainingValue', { n: r });
  const outcome = row.completed
    ? row.late
      ? m('outcome.late')
      : row.early
        ? m('outcome.early')
        : row.onTime
          ? m('outcome.onTime')
          : null
    : null;
  return (
    <Card
      size="small"
      title={m('whyTitle')}
      extra={
        <Typography.Text type="secondary">
          {m('asOf', { at: formatDateTime(asOfMs, locale) })}
        </Typography.Text>
      }
      data-testid="case-why"
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Space wrap>
          <CaseLevelTag level={row.level} />
          {row.levelSince !== null ? (
            <Typography.Text type="secondary">
              {m('levelSince', { date: isoFromDay(row.levelSince) })}
            </Typography.Text>
          ) : null}
          {outcome ? <Typography.Text strong>{outcome}</Typography.Text> : null}
        </Space>
        <Typography.Paragraph style={{ margin: 0 }} data-testid="case-why-sentence">
          {whySentence(row, m, threshold, committed, statutory)}
        </Typography.Paragraph>
        <Descriptions
          size="small"
          bordered
          column={{ xs: 1, md: 2 }}
          items={[
            {
              key: 'committed',
              label: m('committedDue'),
              children: (
                <span data-testid="case-committed-due">
                  {committed}
                  <Typography.Text type="secondary">
                    {` · ${row.committedLimitDays === null ? m('noLimit') : m('limitDays', { n: row.committedLimitDays })}`}
                  </Typography.Text>
                </span>
              ),
            },
            {
              key: 'statutory',
              label: m('statutoryDue'),
              children: (
                <span data-testid="case-statutory-due">
                  {statutory}
                  <Typography.Text type="secondary">
                    {` · ${row.statutoryLimitDays === null ? m('noLimit') : m('limitDays', { n: row.statutoryLimitDays })}`}
                  </Typography.Text>
                </span>
              ),
            },
            {
              key: 'elapsed',
              label: m('elapsed'),
              children: (
                <span data-testid="case-elapsed">{m('elapsedValue', { n: row.elapsedDays })}</span>
              ),
            },
            {
              key: 'suspended',
              label: m('suspended'),
              children: (
                <span data-testid="case-suspended">
                  {m('suspendedValue', { n: row.suspendedDays })}
                </span>
              ),
            },
            {
              key: 'remaining',
              label: m('remaining'),
              children: <span data-testid="case-remaining">{remaining(row.remainingDays)}</span>,
            },
            {
              key: 'statutoryRemaining',
              label: m('statutoryRemaining'),
              children: (
                <span data-testid="case-statutory-remaining">
                  {remaining(row.statutoryRemainingDays)}
                </span>
              ),
            },
            ...(row.suspensionOverrunDays > 0
              ? [
                  {
                    key: 'overrun',
                    label: m('overrun'),
                    children: m('overrunValue', { n: row.suspensionOverrunDays }),
                  },
                ]
              : []),
          ]}
        />
      </Space>
    </Card>
  );
}

function whySentence(
  row: CaseStatusRow,
  m: CaseMsg,
  threshold: number,
  committed: string,
  statutory: string,
): string {
  switch (row.level) {
    case 'red':
      return row.completed
        ? m('why.red.done', { s: statutory })
        : m('why.red.open', { s: statutory, n: row.statutoryOverdueDays });
    case 'yellow':
      return m(row.completed ? 'why.yellow.done' : 'why.yellow.open', {
        c: committed,
        s: statutory,
      });
    case 'early-warning':
      return m('why.early-warning', { e: row.elapsedDays, r: row.remainingDays, t: threshold });
    case 'normal':
      if (row.completed) return m('why.normal.done');
      if (row.committedLimitDays === 0) return m('why.normal.instant');
      // 预警 needs at least one counted day (DOMAIN.md), so a fresh short case is still 正常.
      if (row.remainingDays <= threshold)
        return m('why.normal.notStarted', { r: row.remainingDays });
      return m('why.normal.open', { r: row.remainingDays, t: threshold });
  }
}
