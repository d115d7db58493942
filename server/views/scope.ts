/**
 * The evaluated model as one viewer may see it: rows, flags, 临期突击, 逾期未反馈 and departments outside the
 * viewer's departments removed before any view is computed, so every count, chart, table and
 * export built from it is scoped the same way. Cached per (evaluation, department set).
 */
import type { DashboardModel } from '../../src/engine/dashboard';
import type { EvaluatedSource } from '../jobs/evaluate';
import { ApiFailure } from '../http/route';
import { sees, type Viewer } from '../http/viewer';

const cache = new WeakMap<DashboardModel, Map<string, DashboardModel>>();

export function scopedModel(model: DashboardModel, viewer: Viewer): DashboardModel {
  if (viewer.departments === null) return model;
  const key = [...viewer.departments].sort().join('\u0000');
  let byKey = cache.get(model);
  if (!byKey) {
    byKey = new Map();
    cache.set(model, byKey);
  }
  const hit = byKey.get(key);
  if (hit) return hit;
  const keep = (id: string): boolean => sees(viewer, id);
  const scoped: DashboardModel = {
    ...model,
    rows: model.rows.filter((r) => keep(r.departmentId)),
    flags: model.flags.filter((f) => keep(f.departmentId)),
    noticeFlags: model.noticeFlags.filter((f) => keep(f.departmentId)),
    deadlineRush: model.deadlineRush.map((q) => ({
      ...q,
      flags: q.flags.filter((f) => keep(f.departmentId)),
    })),
    departments: model.departments.filter((d) => keep(d.id)),
    items: model.items.filter((i) => keep(i.departmentId)),
  };
  byKey.set(key, scoped);
  return scoped;
}

/** The evaluated city feed, or 503 `not_ready` while the first sync and evaluation or a recompute run. */
export function requireEvaluated(current: EvaluatedSource | null): EvaluatedSource {
  if (current === null) {
    throw new ApiFailure(
      503,
      'not_ready',
      '数据正在评估（首次同步或重新计算），请稍候 (the figures are being evaluated: first sync or recompute)',
    );
  }
  return current;
}
