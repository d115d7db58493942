import { Button, Card, Col, Row, Tooltip, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { OverviewFigures } from '../../engine/overview';
import { useLocaleStore, intlLocale } from '../../i18n';
import { formatCount, formatPercent } from '../../ui/format';
import type { OverviewMsg } from './overview-messages';

/** The accent of each figure: the warning colours every page uses. */
const COLORS = {
  open: '#1f1f1f',
  'early-warning': '#1677ff',
  yellow: '#d48806',
  red: '#cf1322',
  neutral: '#1f1f1f',
} as const;

interface KpiProps {
  label: string;
  value: string;
  unit?: string;
  hint: string;
  color: string;
  testId: string;
  /** A link to the list this number counts … */
  to?: { pathname: string; search: string };
  /** … or a button that opens it on this page. */
  onOpen?: () => void;
  openLabel: string;
}

function KpiValue({ value, unit, color }: { value: string; unit?: string; color: string }) {
  return (
    <span style={{ fontSize: 28, fontWeight: 600, color, fontVariantNumeric: 'tabular-nums' }}>
      {value}
      {unit ? <span style={{ fontSize: 14, fontWeight: 400, marginLeft: 4 }}>{unit}</span> : null}
    </span>
  );
}

/** One KPI: the number is a real link or button (keyboard reachable), never a bare div. */
function Kpi(props: KpiProps) {
  const body: ReactNode = <KpiValue value={props.value} unit={props.unit} color={props.color} />;
  const aria = `${props.label} ${props.value}${props.unit ?? ''} — ${props.openLabel}`;
  return (
    <Card size="small" data-testid={props.testId} style={{ height: '100%' }}>
      <Typography.Text type="secondary">{props.label}</Typography.Text>
      <div>
        {props.to ? (
          <Link to={props.to} aria-label={aria} data-testid={`${props.testId}-link`}>
            {body}
          </Link>
        ) : (
          <Button
            type="link"
            onClick={props.onOpen}
            aria-label={aria}
            data-testid={`${props.testId}-link`}
            style={{ padding: 0, height: 'auto' }}
          >
            {body}
          </Button>
        )}
      </div>
      <Tooltip title={props.hint}>
        <Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis>
          {props.hint}
        </Typography.Text>
      </Tooltip>
    </Card>
  );
}

export interface KpiCardsProps {
  figures: OverviewFigures;
  m: OverviewMsg;
  /** "?period=2026Q3" or "" — carried to the lists so the view stays in the same period. */
  periodSearch: string;
  onOpenDepartments: () => void;
}

function alertsLink(level: string, periodSearch: string) {
  const params = new URLSearchParams(periodSearch);
  params.set('level', level);
  return { pathname: '/alerts', search: `?${params.toString()}` };
}

/** The current open-case counts: 在办, 预警, 黄牌, 红牌. */
export function CurrentKpis({ figures, m, periodSearch, onOpenDepartments }: KpiCardsProps) {
  const locale = intlLocale(useLocaleStore((s) => s.locale));
  const { open, levels } = figures.open;
  const warned = levels['early-warning'] + levels.yellow + levels.red;
  return (
    <Row gutter={[12, 12]}>
      <Col xs={12} md={6}>
        <Kpi
          testId="kpi-open"
          label={m('open')}
          value={formatCount(open, locale)}
          hint={m('openHint', { n: formatCount(warned, locale) })}
          color={COLORS.open}
          onOpen={onOpenDepartments}
          openLabel={m('openList')}
        />
      </Col>
      {(['early-warning', 'yellow', 'red'] as const).map((level) => (
        <Col xs={12} md={6} key={level}>
          <Kpi
            testId={`kpi-${level}`}
            label={m(level === 'early-warning' ? 'earlyWarning' : level)}
            value={formatCount(levels[level], locale)}
            hint={m(
              level === 'early-warning'
                ? 'earlyWarningHint'
                : level === 'yellow'
                  ? 'yellowHint'
                  : 'redHint',
            )}
            color={COLORS[level]}
            to={alertsLink(level, periodSearch)}
            openLabel={m('openList')}
          />
        </Col>
      ))}
    </Row>
  );
}

/** The period's completion: 办结, 按时办结率, 平均办理时长 (工作日). */
export function PeriodKpis({ figures, m, onOpenDepartments }: KpiCardsProps) {
  const locale = intlLocale(useLocaleStore((s) => s.locale));
  const p = figures.period;
  const none = p.completed === 0;
  return (
    <Row gutter={[12, 12]}>
      <Col xs={24} md={8}>
        <Kpi
          testId="kpi-completed"
          label={m('completed')}
          value={formatCount(p.completed, locale)}
          hint={none ? m('noData') : m('completedHint')}
          color={COLORS.neutral}
          onOpen={onOpenDepartments}
          openLabel={m('openList')}
        />
      </Col>
      <Col xs={12} md={8}>
        <Kpi
          testId="kpi-on-time"
          label={m('onTimeRate')}
          value={formatPercent(p.onTimeRate, locale)}
          hint={m('onTimeHint', {
            onTime: formatCount(p.onTime, locale),
            n: formatCount(p.withDeadline, locale),
          })}
          color={COLORS.neutral}
          onOpen={onOpenDepartments}
          openLabel={m('openList')}
        />
      </Col>
      <Col xs={12} md={8}>
        <Kpi
          testId="kpi-mean-elapsed"
          label={m('meanElapsed')}
          value={
            p.meanElapsedDays === null
              ? '—'
              : p.meanElapsedDays.toLocaleString(locale, {
                  minimumFractionDigits: 1,
                  maximumFractionDigits: 1,
                })
          }
          unit={p.meanElapsedDays === null ? undefined : m('workdays')}
          hint={m('meanHint')}
          color={COLORS.neutral}
          onOpen={onOpenDepartments}
          openLabel={m('openList')}
        />
      </Col>
    </Row>
  );
}
