/**
 * The drill-down lists behind one score (排名下钻): for a department (or the city) × indicator,
 * the records in its numerator and in its denominator, each with a one-line Chinese note saying
 * how it counted. The ids come from `indicatorRecords`, the same scan `rankQuarter` counts with.
 */
import type { IndicatorKey } from '../domain/ranking';
import { slowActionRuleName } from '../domain/slow-action';
import { formatShanghaiIso } from '../domain/time-limit';
import {
  indicatorRecords,
  type RankingCaseEvidence,
  type RankingEvaluationEvidence,
  type RankingEvidence,
} from './ranking-evidence';

/** One line of a drill-down list. */
export interface EvidenceRow {
  /** Unique within the list (a case can appear once per slow-action flag). */
  rowKey: string;
  /** The case id, or the evaluation id. */
  id: string;
  /** The case the record belongs to (links to /cases/:id); '' for a department-level flag. */
  caseId: string;
  note: string;
}

/** Both lists of one score. */
export interface EvidenceLists {
  kind: 'case' | 'evaluation';
  numerator: EvidenceRow[];
  denominator: EvidenceRow[];
}

const LEVEL_NAMES = ['', '非常不满意', '不满意', '基本满意', '满意', '非常满意'];
const BAD_STATUS = { rectified: '期内已整改', unrectified: '未在期内整改', pending: '整改期未满' };

function caseNote(c: RankingCaseEvidence): string {
  const parts: string[] = [c.countedAs === 'completed' ? '本季度办结' : '季度末超期未办结'];
  const limit = c.committedLimitDays;
  parts.push(
    limit === null
      ? `已用 ${c.elapsedDays} 个工作日（按截止时刻办理）`
      : `已用 ${c.elapsedDays} / 承诺 ${limit} 个工作日`,
  );
  if (c.countedAs === 'completed') {
    if (c.early) parts.push('提前办结');
    else if (c.onTime) parts.push('按时办结');
    if (c.late) parts.push(`超期办结 ${c.overdueDays} 个工作日`);
  } else parts.push(`已超期 ${c.overdueDays} 个工作日`);
  if (c.utilisation !== null) parts.push(`时限利用率 ${(c.utilisation * 100).toFixed(1)}%`);
  if (c.flags.length > 0) parts.push(`慢作为：${c.flags.map(slowActionRuleName).join('、')}`);
  return parts.join('；');
}

function evaluationNote(e: RankingEvaluationEvidence): string {
  const parts = [
    `${e.level} 级 ${LEVEL_NAMES[e.level] ?? ''}`,
    `评价于 ${formatShanghaiIso(e.at).slice(0, 16).replace('T', ' ')}`,
  ];
  if (e.badStatus) parts.push(BAD_STATUS[e.badStatus]);
  if (e.badStatus && !e.givenInQuarter) parts.push('上季度评价、整改期在本季度届满');
  if (e.rectifiedAt !== null)
    parts.push(`整改反馈 ${formatShanghaiIso(e.rectifiedAt).slice(0, 16).replace('T', ' ')}`);
  return parts.join('；');
}

/** The numerator and denominator lists of one indicator, with notes. */
export function evidenceLists(e: RankingEvidence, key: IndicatorKey): EvidenceLists {
  const rec = indicatorRecords(e, key);
  if (rec.kind === 'evaluation') {
    const byId = new Map(e.evaluations.map((v) => [v.evaluationId, v]));
    const rows = (ids: string[]) =>
      ids.map((id, i) => {
        const v = byId.get(id);
        return {
          rowKey: `${id}#${i}`,
          id,
          caseId: v?.caseId ?? '',
          note: v ? evaluationNote(v) : '',
        };
      });
    return {
      kind: 'evaluation',
      numerator: rows(rec.numerator),
      denominator: rows(rec.denominator),
    };
  }
  const byId = new Map(e.cases.map((c) => [c.caseId, c]));
  // 慢作为率's numerator ends with one entry per department-level flag (a department id).
  const deptFlagRows: EvidenceRow[] =
    key === 'slowActionRate'
      ? e.departmentFlags.map((f, i) => ({
          rowKey: `dept:${f.departmentId}#${i}`,
          id: f.departmentId,
          caseId: '',
          note: `部门级慢作为标记：${slowActionRuleName(f.code)}（${f.explanation}）`,
        }))
      : [];
  const rows = (ids: string[], perFlag: boolean) => {
    const seen = new Map<string, number>();
    return ids.map((id) => {
      const c = byId.get(id);
      const n = seen.get(id) ?? 0;
      seen.set(id, n + 1);
      // 慢作为率 lists a case once per flag: name the flag each line stands for.
      const code = c?.flags[n] ?? c?.flags[0];
      const note =
        perFlag && code ? `慢作为标记：${slowActionRuleName(code)}` : c ? caseNote(c) : '';
      return { rowKey: `${id}#${n}`, id, caseId: id, note };
    });
  };
  return {
    kind: 'case',
    numerator: [
      ...rows(
        rec.numerator.slice(0, rec.numerator.length - deptFlagRows.length),
        key === 'slowActionRate',
      ),
      ...deptFlagRows,
    ],
    denominator: rows(rec.denominator, false),
  };
}
