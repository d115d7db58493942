/**
 * 好差评 (evaluation) feed records: level 1–5 (非常不满意 … 非常满意); for 差评 (levels 1–2) the
 * time the complaint was rectified (整改反馈时间), if it has been.
 */
import {
  asRecord,
  bilingual,
  FieldError,
  readInstant,
  readInt,
  readNullableInstant,
  readString,
  recordParser,
} from './fields';

/** An evaluation level: 1 非常不满意, 2 不满意, 3 基本满意, 4 满意, 5 非常满意. */
export type EvaluationLevel = 1 | 2 | 3 | 4 | 5;

/** Highest level that is a 差评 (bad review, to be rectified). */
export const BAD_REVIEW_MAX_LEVEL = 2;

/** An evaluation as it travels on the wire (JSON). */
export interface EvaluationWire {
  id: string;
  caseId: string;
  level: EvaluationLevel;
  at: string;
  /** Where it was given: 窗口评价器, PC端, 移动端, 短信, 二维码, … */
  channel: string;
  /** Only for 差评 (levels 1–2); null until rectified. */
  rectifiedAt: string | null;
  updatedAt: string;
}

/** A validated evaluation (instants as epoch ms). */
export interface Evaluation {
  id: string;
  caseId: string;
  level: EvaluationLevel;
  at: number;
  channel: string;
  rectifiedAt: number | null;
  updatedAt: number;
}

/** Validates one evaluation record. */
export const parseEvaluation = recordParser((raw, b): Evaluation => {
  const o = asRecord(raw, '评价', 'evaluation');
  const id = readString(o, 'id', '评价编号');
  const caseId = readString(o, 'caseId', '办件编号');
  const level = readInt(o, 'level', '评价等级', 1, 5) as EvaluationLevel;
  const at = readInstant(o, 'at', '评价时间', b);
  const channel = readString(o, 'channel', '评价渠道');
  const rectifiedAt = readNullableInstant(o, 'rectifiedAt', '整改反馈时间', b);
  if (rectifiedAt !== null && level > BAD_REVIEW_MAX_LEVEL) {
    throw new FieldError(
      bilingual(
        `只有差评（1–2 级）才有整改反馈时间，本条为 ${level} 级`,
        `rectifiedAt is only for bad reviews (level 1–2), got level ${level}`,
      ),
    );
  }
  if (rectifiedAt !== null && rectifiedAt < at) {
    throw new FieldError(bilingual('整改反馈时间早于评价时间', 'rectifiedAt is before at'));
  }
  const updatedAt = readInstant(o, 'updatedAt', '更新时间', b);
  return { id, caseId, level, at, channel, rectifiedAt, updatedAt };
});
