/**
 * 环节流转 (case event) feed records: who held a case at which step, from when to when.
 */
import {
  asRecord,
  bilingual,
  FieldError,
  readInstant,
  readNullableInstant,
  readString,
  recordParser,
} from './fields';

/** The usual steps, in order; the feed may name others (e.g. 现场勘查, 制证), which are accepted. */
export const KNOWN_CASE_STEPS = ['受理', '审查', '审核', '审批', '办结', '送达'] as const;

/** A case event as it travels on the wire (JSON). */
export interface CaseEventWire {
  id: string;
  caseId: string;
  step: string;
  departmentId: string;
  /** Name of the person who held the step (经办人). */
  handler: string;
  enteredAt: string;
  /** Null while the case is still at this step. */
  leftAt: string | null;
  updatedAt: string;
}

/** A validated case event (instants as epoch ms). */
export interface CaseEvent {
  id: string;
  caseId: string;
  step: string;
  departmentId: string;
  handler: string;
  enteredAt: number;
  leftAt: number | null;
  updatedAt: number;
}

/** Validates one case event record. */
export const parseCaseEvent = recordParser((raw, b): CaseEvent => {
  const o = asRecord(raw, '环节', 'case event');
  const id = readString(o, 'id', '环节记录编号');
  const caseId = readString(o, 'caseId', '办件编号');
  const step = readString(o, 'step', '环节名称');
  const departmentId = readString(o, 'departmentId', '办理部门');
  const handler = readString(o, 'handler', '经办人');
  const enteredAt = readInstant(o, 'enteredAt', '进入环节时间', b);
  const leftAt = readNullableInstant(o, 'leftAt', '离开环节时间', b);
  if (leftAt !== null && leftAt < enteredAt) {
    throw new FieldError(bilingual('离开环节时间早于进入环节时间', `leftAt is before enteredAt`));
  }
  const updatedAt = readInstant(o, 'updatedAt', '更新时间', b);
  return { id, caseId, step, departmentId, handler, enteredAt, leftAt, updatedAt };
});
