/**
 * A liaison's departments: their own plus every unit below it (a 区县's 乡镇街道), following
 * `parentId` in the synced departments. Cached per department list (one per evaluation).
 */
import type { Department } from '../../src/feeds/schemas/department';

const cache = new WeakMap<readonly Department[], Map<string, ReadonlySet<string>>>();

export function departmentsUnder(
  departments: readonly Department[],
  rootId: string,
): ReadonlySet<string> {
  let byRoot = cache.get(departments);
  if (!byRoot) {
    byRoot = new Map();
    cache.set(departments, byRoot);
  }
  const hit = byRoot.get(rootId);
  if (hit) return hit;
  const children = new Map<string, string[]>();
  for (const d of departments) {
    if (d.parentId === null) continue;
    const list = children.get(d.parentId) ?? [];
    list.push(d.id);
    children.set(d.parentId, list);
  }
  // Breadth-first; the `has` check makes a cycle in the feed's parent links harmless.
  const out = new Set<string>([rootId]);
  const queue = [rootId];
  for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
    for (const child of children.get(id) ?? []) {
      if (out.has(child)) continue;
      out.add(child);
      queue.push(child);
    }
  }
  byRoot.set(rootId, out);
  return out;
}
