import { DatePicker, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { Period, PeriodKind } from '../domain/period/period';
import { useT } from '../i18n';

function toDayjs(p: Period): Dayjs {
  const month = p.kind === 'quarter' ? (p.quarter - 1) * 3 + 1 : p.kind === 'month' ? p.month : 1;
  return dayjs(`${p.year}-${String(month).padStart(2, '0')}-01`);
}

function fromDayjs(kind: PeriodKind, d: Dayjs): Period {
  const year = d.year();
  const month = d.month() + 1;
  if (kind === 'quarter')
    return { kind, year, quarter: (Math.floor((month - 1) / 3) + 1) as 1 | 2 | 3 | 4 };
  if (kind === 'month') return { kind, year, month };
  return { kind, year };
}

/** The header's period picker: quarter by default, month or year on request. */
export function PeriodPicker({
  value,
  onChange,
}: {
  value: Period;
  onChange: (p: Period) => void;
}) {
  const t = useT();
  return (
    <Space.Compact>
      <Select<PeriodKind>
        aria-label={t('header.period')}
        value={value.kind}
        style={{ width: 84 }}
        onChange={(kind) => onChange(fromDayjs(kind, toDayjs(value)))}
        options={[
          { value: 'quarter', label: t('header.periodKind.quarter') },
          { value: 'month', label: t('header.periodKind.month') },
          { value: 'year', label: t('header.periodKind.year') },
        ]}
      />
      <DatePicker
        aria-label={t('header.period')}
        data-testid="period-picker"
        picker={value.kind}
        allowClear={false}
        value={toDayjs(value)}
        onChange={(d) => {
          if (d) onChange(fromDayjs(value.kind, d));
        }}
        format={(d) => periodText(fromDayjs(value.kind, d), t)}
        style={{ width: 150 }}
      />
    </Space.Compact>
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
