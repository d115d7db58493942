/**
 * 办件 (case) feed records. The time-limit fields (id, departmentId, acceptedAt, limits,
 * completedAt, suspensions, dueAt) are checked by `parseCaseRecord` — the same parser the CLI and
 * file import use, so there is one definition of a valid case; this module adds the feed-only
 * fields (itemCode, channel, status, result, updatedAt).
 *
 * Hand-written for speed: a city can send a million cases.
 */
import { parseCaseRecord } from '../case-record';
import { defaultDateBounds, type DateBounds } from '../date-bounds';
import type { CaseInput } from '../../domain/time-limit/types';
import type { RecordOutcome } from '../result';
import {
  asRecord,
  bilingual,
  FieldError,
  readEnum,
  readInstant,
  readOptionalString,
  readString,
} from './fields';

/** How the application came in. */
export const CASE_CHANNELS = ['窗口', '网上'] as const;
export type CaseChannel = (typeof CASE_CHANNELS)[number];

/** Case statuses; every status except 在办 closes the case at `completedAt`. */
export const CASE_STATUSES = ['在办', '办结', '不予受理', '退回', '撤回'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** Kinds of suspension (暂停计时 / 特别程序). */
export const SUSPENSION_KINDS = [
  '补正',
  '听证',
  '招标拍卖',
  '检验检测检疫',
  '鉴定',
  '专家评审',
  '公示',
  '现场勘查',
] as const;
export type SuspensionKind = (typeof SUSPENSION_KINDS)[number];

/** A suspension on the wire. */
export interface SuspensionWire {
  kind: SuspensionKind;
  startAt: string;
  /** Null while the suspension is still running. */
  endAt: string | null;
  /** 申请天数: working days applied for; days beyond count against the clock again. */
  approvedDays?: number | null;
}

/** A case as it travels on the wire (JSON). Field names are the CLI's. */
export interface CaseWire {
  id: string;
  departmentId: string;
  itemCode: string;
  channel: CaseChannel;
  status: CaseStatus;
  acceptedAt: string;
  committedLimitDays: number;
  statutoryLimitDays: number;
  /** Null while open (在办). */
  completedAt: string | null;
  suspensions: SuspensionWire[];
  /** An explicit deadline instant overriding the limits (hotline work orders); usually absent. */
  dueAt?: string | null;
  /** 办理结果, e.g. 准予许可 / 不予许可 / 已办结. */
  result?: string | null;
  updatedAt: string;
}

/** A validated case: the time-limit core's input plus the feed's own fields. */
export interface CaseRecord extends CaseInput {
  itemCode: string;
  /** Null when the source has no channel column (imported files); the feed always sends one. */
  channel: CaseChannel | null;
  status: CaseStatus;
  result: string | null;
  updatedAt: number;
}

/**
 * Validates one case record: the time-limit fields through `parseCaseRecord`, then the feed
 * fields, then that status and completedAt agree (在办 ⇔ no completedAt). Every date must lie
 * in the plausible window `bounds` (src/feeds/date-bounds.ts).
 */
export function parseCase(
  raw: unknown,
  bounds: DateBounds = defaultDateBounds(),
): RecordOutcome<CaseRecord> {
  const core = parseCaseRecord(raw, undefined, bounds);
  if (!core.ok) return { ok: false, reason: core.reason, id: core.id };
  const value = core.value;
  try {
    // parseCaseRecord has already checked that raw is an object.
    const o = asRecord(raw, '办件', 'case');
    const itemCode = readString(o, 'itemCode', '事项编码');
    const channel = readEnum(o, 'channel', '申办渠道', CASE_CHANNELS);
    const status = readEnum(o, 'status', '办件状态', CASE_STATUSES);
    if (status === '在办' && value.completedAt !== null) {
      throw new FieldError(
        bilingual('状态为在办但有办结时间', 'status is 在办 but completedAt is set'),
      );
    }
    if (status !== '在办' && value.completedAt === null) {
      throw new FieldError(
        bilingual(
          `状态为${status}但缺少办结时间`,
          `status is ${status} but completedAt is missing`,
        ),
      );
    }
    const result = readOptionalString(o, 'result', '办理结果');
    const updatedAt = readInstant(o, 'updatedAt', '更新时间', bounds);
    // Listed field by field: an object spread here costs several times the whole validation
    // (V8 leaves its fast path), and a million cases must parse in seconds.
    return {
      ok: true,
      value: {
        id: value.id,
        departmentId: value.departmentId,
        acceptedAt: value.acceptedAt,
        committedLimitDays: value.committedLimitDays,
        statutoryLimitDays: value.statutoryLimitDays,
        completedAt: value.completedAt,
        suspensions: value.suspensions,
        dueAt: value.dueAt,
        itemCode,
        channel,
        status,
        result,
        updatedAt,
      },
    };
  } catch (error) {
    if (error instanceof FieldError) return { ok: false, reason: error.message, id: value.id };
    throw error;
  }
}
