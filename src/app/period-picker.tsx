import { DownOutlined } from '@ant-design/icons';
import { Button, Dropdown, Segmented, Space } from 'antd';
import { useMemo } from 'react';
import { periodKey, previousQuarter, type Period, type PeriodKind } from '../domain/period/period';
import { useT } from '../i18n';

/** How far back the picker offers periods (a supervision office reviews the last few years). */
const QUARTERS_BACK = 12;
const MONTHS_BACK = 36;
const YEARS_BACK = 6;

/** The periods offered for a kind, newest first, ending with the latest (the as-of) period. */
export function periodChoices(kind: PeriodKind, latest: Period & { kind: 'quarter' }): Period[] {
  const out: Period[] = [];
  if (kind === 'quarter') {
    let q = latest;
    for (let i = 0; i < QUARTERS_BACK; i++, q = previousQuarter(q)) out.push(q);
  } else if (kind === 'month') {
    let year = latest.year;
    let month = latest.quarter * 3;
    for (let i = 0; i < MONTHS_BACK; i++) {
      out.push({ kind: 'month', year, month });
      month -= 1;
      if (month === 0) {
        month = 12;
        year -= 1;
      }
    }
  } else {
    for (let i = 0; i < YEARS_BACK; i++) out.push({ kind: 'year', year: latest.year - i });
  }
  return out;
}

/** The same period expressed in another kind (the quarter/month/year containing its start). */
function convert(p: Period, kind: PeriodKind): Period {
  const month = p.kind === 'quarter' ? (p.quarter - 1) * 3 + 1 : p.kind === 'month' ? p.month : 1;
  if (kind === 'quarter')
    return { kind, year: p.year, quarter: (Math.floor((month - 1) / 3) + 1) as 1 | 2 | 3 | 4 };
  if (kind === 'month') return { kind, year: p.year, month };
  return { kind, year: p.year };
}

/**
 * The header's period picker: quarter by default, month or year on request. A light menu rather
 * than a calendar widget (it is on every page's first load), offering the last few years up to
 * the as-of period; a period from a shared link is shown even when older.
 */
export function PeriodPicker({
  value,
  latest,
  onChange,
}: {
  value: Period;
  latest: Period & { kind: 'quarter' };
  onChange: (p: Period) => void;
}) {
  const t = useT();
  const items = useMemo(() => {
    const choices = periodChoices(value.kind, latest);
    if (!choices.some((c) => periodKey(c) === periodKey(value))) choices.push(value);
    return choices.map((c) => ({ key: periodKey(c), label: periodText(c, t) }));
  }, [value, latest, t]);
  return (
    <Space size={4}>
      <Segmented<PeriodKind>
        aria-label={t('header.period')}
        size="small"
        value={value.kind}
        onChange={(kind) => onChange(convert(value, kind))}
        options={[
          { value: 'quarter', label: t('header.periodKind.quarter') },
          { value: 'month', label: t('header.periodKind.month') },
          { value: 'year', label: t('header.periodKind.year') },
        ]}
      />
      <Dropdown
        trigger={['click']}
        menu={{
          items,
          selectable: true,
          selectedKeys: [periodKey(value)],
          style: { maxHeight: 360, overflowY: 'auto' },
          onClick: ({ key }) => {
            const chosen = periodChoices(value.kind, latest).find((c) => periodKey(c) === key);
            if (chosen) onChange(chosen);
          },
        }}
      >
        <Button
          data-testid="period-picker"
          aria-label={`${t('header.period')}：${periodText(value, t)}`}
        >
          {periodText(value, t)} <DownOutlined />
        </Button>
      </Dropdown>
    </Space>
  );
}

/** "2026年第3季度" / "Q3 2026". */
export function periodText(p: Period, t: ReturnType<typeof useT>): string {
  switch (p.kind) {
    case 'quarter':
      return t('period.quarter', { year: p.year, quarter: p.quarter });
    case 'month':
      return t('period.month', { year: p.year, month: p.month });
    case 'year':
      return t('period.year', { year: p.year });
  }
}
