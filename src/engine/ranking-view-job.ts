/**
 * The ranking computations the rankings page asks for, as plain serialisable jobs: the same
 * function runs in the page's ranking worker and inline where there is no Worker (jsdom tests),
 * so both paths compute identically. Options are plain data (settings, not a calendar object) so
 * they can cross `postMessage`.
 */
import type { HolidayYearFile, WorkingCalendar } from '../domain/calendar';
import type { RankingSettings } from '../domain/ranking';
import type { SlowActionThresholds } from '../domain/slow-action';
import type { IndexedDataset } from './dataset';
import {
  rankHistory,
  rankQuarter,
  type Quarter,
  type QuarterRanking,
  type RankHistory,
  type RankingOptions,
} from './ranking';
import { rankingEvidence, type RankingEvidence } from './ranking-evidence';
import { calendarFor } from './settings';

/** The settings and instant a ranking job runs with. */
export interface RankingJobOptions {
  asOfMs: number;
  ranking: RankingSettings;
  slowAction: SlowActionThresholds;
  extraCalendarFiles: HolidayYearFile[];
}

/** What the page can ask for. */
export type RankingJob =
  | { kind: 'quarter'; quarter: Quarter; options: RankingJobOptions }
  | { kind: 'history'; quarter: Quarter; n: number; options: RankingJobOptions }
  | { kind: 'evidence'; quarter: Quarter; departmentId: string | null; options: RankingJobOptions };

/** The result type of each job kind. */
export interface RankingJobResults {
  quarter: QuarterRanking;
  history: RankHistory;
  evidence: RankingEvidence;
}

let calendarCache: { key: string; calendar: WorkingCalendar } | null = null;

/** The calendar for the settings, built once per distinct set of extra calendar files. */
function calendarOf(files: HolidayYearFile[]): WorkingCalendar {
  const key = JSON.stringify(files);
  if (calendarCache?.key !== key)
    calendarCache = { key, calendar: calendarFor({ extraCalendarFiles: files }) };
  return calendarCache.calendar;
}

/** The engine options of a job. */
export function rankingOptionsOf(o: RankingJobOptions): RankingOptions {
  return {
    asOfMs: o.asOfMs,
    settings: o.ranking,
    slowActionThresholds: o.slowAction,
    calendar: calendarOf(o.extraCalendarFiles),
  };
}

/** Runs one job over an indexed dataset. */
export function executeRankingJob<J extends RankingJob>(
  ds: IndexedDataset,
  job: J,
): RankingJobResults[J['kind']] {
  const options = rankingOptionsOf(job.options);
  switch (job.kind) {
    case 'quarter':
      return rankQuarter(ds, job.quarter, options) as RankingJobResults[J['kind']];
    case 'history':
      return rankHistory(ds, job.quarter, job.n, options) as RankingJobResults[J['kind']];
    case 'evidence':
      return rankingEvidence(
        ds,
        job.quarter,
        job.departmentId,
        options,
      ) as RankingJobResults[J['kind']];
  }
  throw new Error(`unknown ranking job ${(job as { kind: string }).kind}`);
}
