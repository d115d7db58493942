/**
 * One department's page (部门详情) from an evaluated model: header, open counts, the period's
 * completion figures, its items, the worst open alerts, slow-action flags and the quarterly trend.
 * The service's `GET /department` and the mock service both answer with it; each adds its `meta`.
 */
import { periodKey, periodRange, type Period } from '../domain/period/period';
import type { DashboardModel } from './dashboard';
import {
  departmentHeader,
  departmentItems,
  departmentQuarterTrend,
  departmentRows,
  trendEndQuarter,
  worstOpenAlerts,
} from './department-view';
import {
  filterSlowActionRows,
  NO_SLOW_ACTION_FILTER,
  slowActionFlagRows,
} from './slow-action-view';
import { completionFigures, openCounts } from './summaries';

/** How many of the worst open alerts the department page lists. */
export const DEPARTMENT_TOP_ALERTS = 10;

/** The page of department `id` in `model` (already scoped to the viewer); null when unknown. */
export function departmentPage(model: DashboardModel, id: string, period: Period) {
  const header = departmentHeader(model, id);
  if (header === null) return null;
  const range = periodRange(period);
  const rows = departmentRows(model, id);
  const endQuarter = trendEndQuarter(range.to, model.asOfDay);
  return {
    header,
    open: openCounts(rows),
    period: completionFigures(rows, range),
    items: departmentItems(model, rows, id, range),
    alerts: worstOpenAlerts(rows, DEPARTMENT_TOP_ALERTS),
    flags: filterSlowActionRows(slowActionFlagRows(model, period), {
      ...NO_SLOW_ACTION_FILTER,
      departmentId: id,
    }),
    trend: departmentQuarterTrend(rows, endQuarter, model.asOfDay),
    endQuarter: periodKey(endQuarter),
    asOfDay: model.asOfDay,
  };
}
