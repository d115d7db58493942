/**
 * The city's fixed part: departments, service items (with their committed limits compressed from
 * the statutory ones), each department's behaviour profile and staff. Depends only on the seed.
 */
import type { DepartmentWire } from '../../src/feeds/schemas/department';
import type { ItemKind, ServiceItemWire } from '../../src/feeds/schemas/service-item';
import type { DayIndex } from '../../src/domain/calendar/day';
import {
  CITY_ITEMS,
  COUNTY_ITEMS,
  DEPARTMENTS,
  GIVEN_NAME_CHARS,
  ITEM_KIND_OF,
  SURNAMES,
  TOWNSHIP_ITEMS,
  type DepartmentDef,
  type ItemDef,
} from './catalog';
import { Rng } from './prng';

/** How a department behaves; probabilities per case. */
export interface DepartmentProfile {
  /** Completed after the committed deadline. */
  late: number;
  /** Of the late ones, share that also passes the statutory deadline (红牌). */
  red: number;
  /** Completed on the committed deadline day itself (临期突击 when high). */
  onDeadline: number;
  /** Open case whose current step stopped moving (滞留). */
  stall: number;
  /** Recent case accepted and never touched (受理未办). */
  untouched: number;
  /** A 补正 is repeated (一次告知 broken). */
  repeatBuzheng: number;
  /** Shift of evaluations towards 差评 (0 = the city's norm). */
  mood: number;
  /** Late rectification of 差评. */
  lateRectify: number;
}

/** A department with its generator-side extras. */
export interface CityDepartment extends DepartmentDef {
  profileValues: DepartmentProfile;
  staff: readonly string[];
  /** The person slow steps pile up with, in slow departments. */
  bottleneck: string;
}

/** A service item with its generator-side extras. */
export interface CityItem {
  code: string;
  name: string;
  departmentId: string;
  kind: ItemKind;
  statutoryLimitDays: number;
  committedLimitDays: number;
  /** Committed limit before a mid-period compression, and the day it changed (null = unchanged). */
  previousCommitted: number | null;
  changedOn: DayIndex | null;
  /** Relative case volume. */
  weight: number;
  /** The item's department works in a 乡镇街道 whose 区县 approves (审批 at the parent). */
  approverDepartmentId: string;
}

/** Personal name of a handler (经办人). */
function personName(rng: Rng): string {
  const surname = rng.pick(SURNAMES);
  const first = rng.pick(GIVEN_NAME_CHARS);
  return rng.chance(0.65)
    ? `${surname}${first}${rng.pick(GIVEN_NAME_CHARS)}`
    : `${surname}${first}`;
}

function profileOf(def: DepartmentDef, rng: Rng): DepartmentProfile {
  const jitter = (x: number): number => x * rng.range(0.7, 1.3);
  const base: DepartmentProfile = {
    late: jitter(0.025),
    red: jitter(0.25),
    onDeadline: jitter(0.06),
    stall: jitter(0.004),
    untouched: jitter(0.003),
    repeatBuzheng: jitter(0.08),
    mood: 0,
    lateRectify: jitter(0.12),
  };
  switch (def.profile) {
    case 'slow':
      return {
        ...base,
        late: jitter(0.14),
        red: jitter(0.4),
        stall: jitter(0.025),
        untouched: jitter(0.015),
        mood: 0.6,
        lateRectify: 0.35,
      };
    case 'rush':
      return { ...base, onDeadline: jitter(0.45) };
    case 'buzheng':
      return { ...base, repeatBuzheng: jitter(0.45), mood: 0.25 };
    case 'fast':
      return {
        ...base,
        late: jitter(0.008),
        stall: jitter(0.001),
        untouched: jitter(0.001),
        mood: -0.3,
        lateRectify: 0.05,
      };
    default:
      return base;
  }
}

/** Committed limit from a statutory one: mostly ≥ 1/3 shorter, as the reform requires. */
function compress(statutory: number, rng: Rng): number {
  const u = rng.next();
  if (statutory <= 1) return statutory;
  if (u < 0.8)
    return Math.max(1, Math.min(statutory - 1, Math.round(statutory * rng.range(0.2, 0.62))));
  if (u < 0.92) return Math.max(1, Math.round(statutory * rng.range(0.68, 0.9)));
  return statutory;
}

/** Everything fixed about the city for one seed. */
export interface City {
  departments: CityDepartment[];
  items: CityItem[];
  departmentById: ReadonlyMap<string, CityDepartment>;
}

/**
 * Builds the departments and items. `periodStart` is the first day of the generated period:
 * some items had their committed limit compressed during it.
 */
export function buildCity(seed: number, periodStart: DayIndex, periodEnd: DayIndex): City {
  const rng = new Rng(seed, 0xc1);
  const departments: CityDepartment[] = DEPARTMENTS.map((def) => {
    const staffCount =
      def.kind === '乡镇街道'
        ? rng.int(3, 5)
        : def.kind === '区县'
          ? rng.int(8, 12)
          : rng.int(6, 14);
    const staff = Array.from({ length: staffCount }, () => personName(rng));
    return { ...def, profileValues: profileOf(def, rng), staff, bottleneck: rng.pick(staff) };
  });
  const departmentById = new Map(departments.map((d) => [d.id, d]));

  const items: CityItem[] = [];
  const addItems = (dept: CityDepartment, defs: readonly ItemDef[], prefix: string): void => {
    defs.forEach(([name, kindCode, statutory, committed, hot], i) => {
      const kind = ITEM_KIND_OF[kindCode];
      const committedNow = committed ?? compress(statutory, rng);
      // One item in eight was compressed during the period (承诺时限再压缩): earlier cases carry the old limit.
      const changed = committedNow > 1 && committed == null && rng.chance(0.125);
      const previous = changed
        ? Math.min(statutory, committedNow + rng.int(1, Math.max(1, Math.floor(committedNow / 2))))
        : null;
      const changedOn = changed
        ? periodStart + Math.floor(rng.range(0.3, 0.7) * (periodEnd - periodStart))
        : null;
      const h = hot ?? 1;
      items.push({
        code: `${prefix}-${dept.id}-${String(i + 1).padStart(3, '0')}`,
        name,
        departmentId: dept.id,
        kind,
        statutoryLimitDays: statutory,
        committedLimitDays: committedNow,
        previousCommitted: previous,
        changedOn,
        weight: h * h * rng.range(0.5, 1.5),
        approverDepartmentId: dept.kind === '乡镇街道' && dept.parentId ? dept.parentId : dept.id,
      });
    });
  };
  const codePrefix = (kind: ItemKind): string =>
    kind === '行政许可' ? 'XK' : kind === '公共服务' ? 'GG' : 'QT';
  for (const dept of departments) {
    const defs =
      dept.kind === '市直部门'
        ? (CITY_ITEMS[dept.id] ?? [])
        : dept.kind === '区县'
          ? COUNTY_ITEMS
          : TOWNSHIP_ITEMS;
    addItems(dept, defs, '');
  }
  // Codes look like 事项编码: kind prefix + department + sequence, e.g. XK-D21-001.
  for (const item of items) item.code = `${codePrefix(item.kind)}${item.code}`;
  // 区县 and 乡镇街道 serve fewer people per item than the city-wide offices.
  for (const item of items) {
    const kind = departmentById.get(item.departmentId)?.kind;
    if (kind === '区县') item.weight *= 0.45;
    if (kind === '乡镇街道') item.weight *= 0.3;
  }
  return { departments, items, departmentById };
}

/** The departments in the feed's shape. */
export function departmentsWire(city: City, publishedAt: string): DepartmentWire[] {
  return city.departments.map((d) => ({
    id: d.id,
    name: d.name,
    kind: d.kind,
    parentId: d.parentId,
    updatedAt: publishedAt,
  }));
}

/** The items in the feed's shape (current limits; `changedAt` formats a change day). */
export function itemsWire(
  city: City,
  publishedAt: string,
  changedAt: (day: DayIndex) => string,
): ServiceItemWire[] {
  return city.items.map((item) => ({
    code: item.code,
    name: item.name,
    departmentId: item.departmentId,
    statutoryLimitDays: item.statutoryLimitDays,
    committedLimitDays: item.committedLimitDays,
    kind: item.kind,
    updatedAt: item.changedOn === null ? publishedAt : changedAt(item.changedOn),
  }));
}
