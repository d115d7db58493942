/**
 * 督查事项 (supervision task) feed records. Deadlines are calendar dates, not working days.
 */
import { describe } from '../result';
import type { DayIndex } from '../../domain/calendar/day';
import {
  asRecord,
  bilingual,
  FieldError,
  readArray,
  readDate,
  readEnum,
  readInstant,
  readNullableDate,
  readNullableInstant,
  readOptionalBoolean,
  readOptionalString,
  readString,
  recordParser,
} from './fields';
import type { DateBounds } from '../date-bounds';

/** Where a task comes from. */
export const TASK_SOURCES = [
  '领导批示',
  '会议议定',
  '重点工作',
  '人大代表建议',
  '政协提案',
  '12345热线督办',
] as const;
export type TaskSource = (typeof TASK_SOURCES)[number];

/** Sources whose deadline may be missing (a default of 3 months, 6 for complex 建议, applies later). */
export const SOURCES_WITH_DEFAULT_DEADLINE: readonly TaskSource[] = ['人大代表建议', '政协提案'];

export const TASK_STATUSES = ['在办', '办结'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

/** Answer codes: A 已解决, B 正在解决, C 列入计划, D 留作参考. */
export const TASK_OUTCOMES = ['A', 'B', 'C', 'D'] as const;
export type TaskOutcome = (typeof TASK_OUTCOMES)[number];

/** A milestone on the wire. */
export interface MilestoneWire {
  name: string;
  /** YYYY-MM-DD. */
  due: string;
  doneAt: string | null;
}

/** A supervision task as it travels on the wire (JSON). */
export interface SupervisionTaskWire {
  id: string;
  source: TaskSource;
  title: string;
  leadDepartmentId: string;
  coDepartmentIds: string[];
  assignedAt: string;
  /** YYYY-MM-DD; null only for 人大代表建议 / 政协提案 (the default applies). */
  deadline: string | null;
  complex?: boolean;
  milestones: MilestoneWire[];
  status: TaskStatus;
  outcome?: TaskOutcome | null;
  progressNote: string;
  updatedAt: string;
}

/** A validated milestone. */
export interface Milestone {
  name: string;
  due: DayIndex;
  doneAt: number | null;
}

/** A validated supervision task (instants as epoch ms, dates as day indexes). */
export interface SupervisionTask {
  id: string;
  source: TaskSource;
  title: string;
  leadDepartmentId: string;
  coDepartmentIds: string[];
  assignedAt: number;
  deadline: DayIndex | null;
  complex: boolean;
  milestones: Milestone[];
  status: TaskStatus;
  outcome: TaskOutcome | null;
  progressNote: string;
  updatedAt: number;
}

function readMilestone(raw: unknown, i: number, b: DateBounds): Milestone {
  const where = `第 ${i + 1} 个节点`;
  try {
    const o = asRecord(raw, '节点', 'milestone');
    return {
      name: readString(o, 'name', '节点名称'),
      due: readDate(o, 'due', '节点期限', b),
      doneAt: readNullableInstant(o, 'doneAt', '节点完成时间', b),
    };
  } catch (error) {
    if (error instanceof FieldError) throw new FieldError(`${where}：${error.message}`);
    throw error;
  }
}

/** Validates one supervision task record. */
export const parseSupervisionTask = recordParser((raw, b): SupervisionTask => {
  const o = asRecord(raw, '督查事项', 'supervision task');
  const id = readString(o, 'id', '督查事项编号');
  const source = readEnum(o, 'source', '事项来源', TASK_SOURCES);
  const title = readString(o, 'title', '事项标题');
  const leadDepartmentId = readString(o, 'leadDepartmentId', '牵头部门');
  const coRaw = readArray(o, 'coDepartmentIds', '配合部门');
  const coDepartmentIds = coRaw.map((v, i) => {
    if (typeof v !== 'string' || v.trim() === '') {
      throw new FieldError(
        bilingual(
          `第 ${i + 1} 个配合部门编号无效`,
          `coDepartmentIds[${i}] must be a non-blank string, got ${describe(v)}`,
        ),
      );
    }
    return v;
  });
  const assignedAt = readInstant(o, 'assignedAt', '交办时间', b);
  const deadline = readNullableDate(o, 'deadline', '办理期限', b);
  if (deadline === null && !SOURCES_WITH_DEFAULT_DEADLINE.includes(source)) {
    throw new FieldError(
      bilingual(
        `${source}必须有办理期限（只有人大代表建议、政协提案可缺省）`,
        `deadline is required for source ${source} (only 人大代表建议 / 政协提案 may omit it)`,
      ),
    );
  }
  const complex = readOptionalBoolean(o, 'complex', '是否复杂', false);
  const milestones = readArray(o, 'milestones', '进度节点').map((m, i) => readMilestone(m, i, b));
  const status = readEnum(o, 'status', '办理状态', TASK_STATUSES);
  const outcome =
    o['outcome'] === undefined || o['outcome'] === null
      ? null
      : readEnum(o, 'outcome', '办理结果', TASK_OUTCOMES);
  const progressNote = readOptionalString(o, 'progressNote', '最新进展') ?? '';
  const updatedAt = readInstant(o, 'updatedAt', '更新时间', b);
  return {
    id,
    source,
    title,
    leadDepartmentId,
    coDepartmentIds,
    assignedAt,
    deadline,
    complex,
    milestones,
    status,
    outcome,
    progressNote,
    updatedAt,
  };
});
