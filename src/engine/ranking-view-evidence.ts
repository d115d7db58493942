/**
 * The drill-down lists behind one score (排名下钻): for a department (or the city) × indicator,
 * the records in its numerator and in its denominator, each with what the page words as a note
 * (how it counted: the record itself, or the slow-action flag the line stands for). The ids come
 * from `indicatorRecords`, the same scan `rankQuarter` counts with.
 */
import type { IndicatorKey } from '../domain/ranking';
import type { SlowActionCode, SlowActionFlag } from '../domain/slow-action';
import {
  indicatorRecords,
  type RankingCaseEvidence,
  type RankingEvaluationEvidence,
  type RankingEvidence,
} from './ranking-evidence';

/** What one line says, worded by the page in the UI language. */
export type EvidenceNote =
  | { kind: 'case'; record: RankingCaseEvidence }
  | { kind: 'evaluation'; record: RankingEvaluationEvidence }
  /** 慢作为率 lists a case once per flag: the flag this line stands for. */
  | { kind: 'flag'; code: SlowActionCode }
  | { kind: 'department-flag'; code: SlowActionCode; evidence: SlowActionFlag['evidence'] }
  | { kind: 'none' };

/** One line of a drill-down list. */
export interface EvidenceRow {
  /** Unique within the list (a case can appear once per slow-action flag). */
  rowKey: string;
  /** The case id, or the evaluation id. */
  id: string;
  /** The case the record belongs to (links to /cases/:id); '' for a department-level flag. */
  caseId: string;
  note: EvidenceNote;
}

/** Both lists of one score. */
export interface EvidenceLists {
  kind: 'case' | 'evaluation';
  numerator: EvidenceRow[];
  denominator: EvidenceRow[];
}

/** The numerator and denominator lists of one indicator, with notes. */
export function evidenceLists(e: RankingEvidence, key: IndicatorKey): EvidenceLists {
  const rec = indicatorRecords(e, key);
  if (rec.kind === 'evaluation') {
    const byId = new Map(e.evaluations.map((v) => [v.evaluationId, v]));
    const rows = (ids: string[]) =>
      ids.map((id, i): EvidenceRow => {
        const v = byId.get(id);
        return {
          rowKey: `${id}#${i}`,
          id,
          caseId: v?.caseId ?? '',
          note: v ? { kind: 'evaluation', record: v } : { kind: 'none' },
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
      ? e.departmentFlags.map((f, i): EvidenceRow => ({
          rowKey: `dept:${f.departmentId}#${i}`,
          id: f.departmentId,
          caseId: '',
          note: { kind: 'department-flag', code: f.code, evidence: f.evidence },
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
      const note: EvidenceNote =
        perFlag && code
          ? { kind: 'flag', code }
          : c
            ? { kind: 'case', record: c }
            : { kind: 'none' };
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
