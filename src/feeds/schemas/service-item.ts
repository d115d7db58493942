/**
 * 事项 (service item) feed records: each item's 法定时限 and 承诺时限 in working days.
 */
import {
  asRecord,
  bilingual,
  FieldError,
  readEnum,
  readInstant,
  readInt,
  readString,
  recordParser,
} from './fields';

/** Kinds of service item. */
export const ITEM_KINDS = ['行政许可', '公共服务', '其他'] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];

/** Longest limit accepted, in working days: anything above is a data error, not a real limit. */
export const MAX_LIMIT_DAYS = 3650;

/** A service item as it travels on the wire (JSON). */
export interface ServiceItemWire {
  code: string;
  name: string;
  departmentId: string;
  /** 法定时限, working days. */
  statutoryLimitDays: number;
  /** 承诺时限, working days, ≤ statutory; 0 = 即办件 (done the same day). */
  committedLimitDays: number;
  kind: ItemKind;
  updatedAt: string;
}

/** A validated service item. */
export interface ServiceItem {
  code: string;
  name: string;
  departmentId: string;
  statutoryLimitDays: number;
  committedLimitDays: number;
  kind: ItemKind;
  updatedAt: number;
}

/** Validates one service item record. */
export const parseServiceItem = recordParser((raw, b): ServiceItem => {
  const o = asRecord(raw, '事项', 'service item');
  const code = readString(o, 'code', '事项编码');
  const name = readString(o, 'name', '事项名称');
  const departmentId = readString(o, 'departmentId', '实施部门');
  const statutoryLimitDays = readInt(o, 'statutoryLimitDays', '法定时限', 0, MAX_LIMIT_DAYS);
  const committedLimitDays = readInt(o, 'committedLimitDays', '承诺时限', 0, MAX_LIMIT_DAYS);
  if (committedLimitDays > statutoryLimitDays) {
    throw new FieldError(
      bilingual(
        `承诺时限 ${committedLimitDays} 个工作日超过法定时限 ${statutoryLimitDays} 个工作日`,
        `committedLimitDays ${committedLimitDays} exceeds statutoryLimitDays ${statutoryLimitDays}`,
      ),
    );
  }
  const kind = readEnum(o, 'kind', '事项类型', ITEM_KINDS);
  const updatedAt = readInstant(o, 'updatedAt', '更新时间', b);
  return { code, name, departmentId, statutoryLimitDays, committedLimitDays, kind, updatedAt };
});
