/** Answer outcome codes of 人大代表建议 / 政协提案 (办理结果分类). */
import type { TaskOutcomeCode } from './types';

/** The outcome codes with their meaning. */
export const TASK_OUTCOME_LABELS: Readonly<Record<TaskOutcomeCode, string>> = {
  A: '已解决',
  B: '正在解决',
  C: '列入计划',
  D: '留作参考',
};

/** "A 已解决"; an empty string for no outcome. */
export function describeOutcome(code: TaskOutcomeCode | null): string {
  return code === null ? '' : `${code} ${TASK_OUTCOME_LABELS[code]}`;
}
