/**
 * 部门 (department) feed records: the city's 市直部门, its 区县 and their 乡镇街道.
 */
import {
  asRecord,
  readEnum,
  readInstant,
  readOptionalString,
  readString,
  recordParser,
} from './fields';

/** Kinds of department, from the city level down. */
export const DEPARTMENT_KINDS = ['市直部门', '区县', '乡镇街道'] as const;
export type DepartmentKind = (typeof DEPARTMENT_KINDS)[number];

/** A department as it travels on the wire (JSON). */
export interface DepartmentWire {
  id: string;
  name: string;
  kind: DepartmentKind;
  /** The 区县 a 乡镇街道 belongs to; null for the top level. */
  parentId: string | null;
  /** ISO 8601 with offset. */
  updatedAt: string;
}

/** A validated department (instants as epoch ms). */
export interface Department {
  id: string;
  name: string;
  /** Null for departments derived from an imported file's cases; the feed always sends one. */
  kind: DepartmentKind | null;
  parentId: string | null;
  updatedAt: number;
}

/** Validates one department record. */
export const parseDepartment = recordParser((raw, b): Department => {
  const o = asRecord(raw, '部门', 'department');
  const id = readString(o, 'id', '部门编号');
  const name = readString(o, 'name', '部门名称');
  const kind = readEnum(o, 'kind', '部门类别', DEPARTMENT_KINDS);
  const parentId = readOptionalString(o, 'parentId', '上级部门');
  const updatedAt = readInstant(o, 'updatedAt', '更新时间', b);
  return { id, name, kind, parentId: parentId === '' ? null : parentId, updatedAt };
});
