/**
 * Published rankings (DOMAIN.md Clarifications: "Published rankings are immutable"). A leader
 * publishes a quarter: the service stores an edition — the whole ranking as computed (every figure
 * and its evidence counts), the settings version and bulletin letterhead, the data as-of, who and
 * when, and a document number. Editions are append-only: this module has INSERT and SELECT
 * statements for `ranking_editions` and nothing else; a correction is the next edition, and the
 * difference between editions is computed on reading. Rules: docs/ranking.md §12.
 */
import { shanghaiDayOf, isoFromDay } from '../../src/domain/calendar';
import { formatShanghaiIso } from '../../src/domain/time-limit';
import type { QuarterSupervision } from '../../src/engine/quarter-supervision';
import type { DepartmentRanking, QuarterRanking } from '../../src/engine/ranking';
import { bulletinDocumentNumber, type BulletinSettings } from '../../src/engine/settings';
import { appendAuditTx } from '../auth/audit';
import type { Database, Row } from '../store/database';

/** Migration 5: the editions table (one row per edition, never updated or deleted). */
export const EDITIONS_MIGRATION = {
  name: 'published ranking editions (append-only)',
  statements: [
    `CREATE TABLE ranking_editions (
       source VARCHAR NOT NULL, quarter VARCHAR NOT NULL, edition INTEGER NOT NULL,
       document_year INTEGER NOT NULL, document_seq INTEGER NOT NULL,
       document_number VARCHAR NOT NULL, published_at DOUBLE NOT NULL,
       published_by VARCHAR NOT NULL, publisher_role VARCHAR NOT NULL,
       settings_version INTEGER NOT NULL, as_of VARCHAR NOT NULL, body VARCHAR NOT NULL,
       PRIMARY KEY (source, quarter, edition))`,
  ],
} as const;

/** What an edition stores (its JSON is the `body` column, written once). */
export interface RankingEdition {
  quarter: string;
  /** 1, 2, … within the quarter. */
  edition: number;
  /** 督通〔2026〕3号: prefix from the settings, year of issue, sequence within that year. */
  documentNumber: string;
  /** Civil date of issue (成文日期, Asia/Shanghai): the service's today (its as-of when fixed). */
  issuedOn: string;
  /** Wall-clock instant of publishing, ISO. */
  publishedAt: string;
  /** User name of the leader who published. */
  publishedBy: string;
  publisherRole: string;
  /** Settings version the figures were computed under. */
  settingsVersion: number;
  /** The data as-of: the instant the service's figures were evaluated at (ISO +08:00). */
  asOf: string;
  /** Last completed sync when published, ISO, or null. */
  lastSyncAt: string | null;
  bulletin: BulletinSettings;
  /** The full ranking, exactly as `/api/v1/rankings` answered at that moment. */
  ranking: QuarterRanking;
}

/** One row of the list. */
export interface EditionSummary {
  edition: number;
  documentNumber: string;
  publishedAt: string;
  publishedBy: string;
  settingsVersion: number;
  asOf: string;
}

export interface Change<T> {
  from: T;
  to: T;
}

/** One department whose published figures changed. */
export interface DepartmentChange {
  departmentId: string;
  departmentName: string | null;
  group: string;
  rank: Change<number | null>;
  groupRank: Change<number | null>;
  score: Change<number | null>;
  counted: Change<number>;
}

/** Department by department: what changed between two rankings (only the departments that did). */
export interface RankingDiff {
  /** The edition compared against (n − 1), or `live` for the live ranking. */
  against: number | 'live';
  settingsVersion: Change<number | null>;
  departments: DepartmentChange[];
  /** Departments present in both with rank, group rank, score and counted cases unchanged. */
  unchanged: number;
}

export interface PublishInput {
  source: string;
  ranking: QuarterRanking;
  settingsVersion: number;
  bulletin: BulletinSettings;
  /** The data as-of instant (epoch ms). */
  asOfMs: number;
  lastSyncAt: string | null;
  publishedBy: { name: string; role: string; address: string | null };
  /** Wall clock (epoch ms). */
  nowMs: number;
}

/**
 * Stores the next edition of the quarter and its audit row in one transaction; returns the stored
 * edition. The edition number and the document sequence are read and taken in that transaction
 * (writes are serialised), and the primary key refuses a duplicate.
 */
export async function publishEdition(db: Database, p: PublishInput): Promise<RankingEdition> {
  const documentYear = Number(isoFromDay(shanghaiDayOf(p.asOfMs)).slice(0, 4));
  return db.transaction(async (tx) => {
    const last = await tx.all(
      `SELECT coalesce(max(edition), 0)::INTEGER AS n FROM ranking_editions
       WHERE source = $1 AND quarter = $2`,
      [p.source, p.ranking.quarter],
    );
    const seq = await tx.all(
      `SELECT coalesce(max(document_seq), 0)::INTEGER AS n FROM ranking_editions
       WHERE source = $1 AND document_year = $2`,
      [p.source, documentYear],
    );
    const edition = Number(last[0]?.['n'] ?? 0) + 1;
    const documentSeq = Number(seq[0]?.['n'] ?? 0) + 1;
    const stored: RankingEdition = {
      quarter: p.ranking.quarter,
      edition,
      documentNumber: bulletinDocumentNumber(p.bulletin.documentPrefix, documentYear, documentSeq),
      issuedOn: isoFromDay(shanghaiDayOf(p.asOfMs)),
      publishedAt: new Date(p.nowMs).toISOString(),
      publishedBy: p.publishedBy.name,
      publisherRole: p.publishedBy.role,
      settingsVersion: p.settingsVersion,
      asOf: formatShanghaiIso(p.asOfMs),
      lastSyncAt: p.lastSyncAt,
      bulletin: { ...p.bulletin },
      ranking: p.ranking,
    };
    await tx.run(
      `INSERT INTO ranking_editions (source, quarter, edition, document_year, document_seq,
         document_number, published_at, published_by, publisher_role, settings_version, as_of, body)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
      [
        p.source,
        stored.quarter,
        edition,
        documentYear,
        documentSeq,
        stored.documentNumber,
        p.nowMs,
        stored.publishedBy,
        stored.publisherRole,
        stored.settingsVersion,
        stored.asOf,
        JSON.stringify(stored),
      ],
    );
    await appendAuditTx(
      tx,
      {
        userName: p.publishedBy.name,
        role: p.publishedBy.role,
        address: p.publishedBy.address,
        action: 'ranking-publish',
        detail: {
          quarter: stored.quarter,
          edition,
          documentNumber: stored.documentNumber,
          settingsVersion: stored.settingsVersion,
          asOf: stored.asOf,
        },
      },
      p.nowMs,
    );
    return stored;
  });
}

function summaryOf(r: Row): EditionSummary {
  return {
    edition: Number(r['edition']),
    documentNumber: String(r['document_number']),
    publishedAt: new Date(Number(r['published_at'])).toISOString(),
    publishedBy: String(r['published_by']),
    settingsVersion: Number(r['settings_version']),
    asOf: String(r['as_of']),
  };
}

/** The quarter's editions, oldest first. */
export async function listEditions(
  db: Database,
  source: string,
  quarter: string,
): Promise<EditionSummary[]> {
  const rows = await db.all(
    `SELECT edition, document_number, published_at, published_by, settings_version, as_of
     FROM ranking_editions WHERE source = $1 AND quarter = $2 ORDER BY edition`,
    [source, quarter],
  );
  return rows.map(summaryOf);
}

/** The stored JSON of one edition, exactly as written; `null` when there is none. */
export async function editionBody(
  db: Database,
  source: string,
  quarter: string,
  edition: number,
): Promise<string | null> {
  const rows = await db.all(
    `SELECT body FROM ranking_editions WHERE source = $1 AND quarter = $2 AND edition = $3`,
    [source, quarter, edition],
  );
  const body = rows[0]?.['body'];
  return typeof body === 'string' ? body : null;
}

/** One stored edition; `null` when there is none. */
export async function loadEdition(
  db: Database,
  source: string,
  quarter: string,
  edition: number,
): Promise<RankingEdition | null> {
  const body = await editionBody(db, source, quarter, edition);
  return body === null ? null : (JSON.parse(body) as RankingEdition);
}

/** The latest edition of the quarter; `null` when it was never published. */
export async function latestEdition(
  db: Database,
  source: string,
  quarter: string,
): Promise<RankingEdition | null> {
  const rows = await db.all(
    `SELECT max(edition)::INTEGER AS n FROM ranking_editions WHERE source = $1 AND quarter = $2`,
    [source, quarter],
  );
  const n = rows[0]?.['n'];
  return typeof n === 'number' ? loadEdition(db, source, quarter, n) : null;
}

/**
 * Department by department, what changed from `before` to `after`: rank, group rank, composite and
 * counted cases (a department in only one of them shows `null` / 0 on the other side).
 */
export function diffRankings(
  before: QuarterRanking,
  after: QuarterRanking,
  against: number | 'live',
  settingsVersion: Change<number | null>,
): RankingDiff {
  const old = new Map(before.departments.map((d) => [d.departmentId, d]));
  const ids = new Set([...after.departments.map((d) => d.departmentId), ...old.keys()]);
  const now = new Map(after.departments.map((d) => [d.departmentId, d]));
  const departments: DepartmentChange[] = [];
  let unchanged = 0;
  for (const id of ids) {
    const a: DepartmentRanking | undefined = old.get(id);
    const b: DepartmentRanking | undefined = now.get(id);
    const change: DepartmentChange = {
      departmentId: id,
      departmentName: b?.departmentName ?? a?.departmentName ?? null,
      group: b?.group ?? a?.group ?? '未分类',
      rank: { from: a?.rank ?? null, to: b?.rank ?? null },
      groupRank: { from: a?.groupRank ?? null, to: b?.groupRank ?? null },
      score: { from: a?.score ?? null, to: b?.score ?? null },
      counted: { from: a?.counted ?? 0, to: b?.counted ?? 0 },
    };
    const same =
      a !== undefined &&
      b !== undefined &&
      change.rank.from === change.rank.to &&
      change.groupRank.from === change.groupRank.to &&
      change.score.from === change.score.to &&
      change.counted.from === change.counted.to;
    if (same) unchanged += 1;
    else departments.push(change);
  }
  return { against, settingsVersion, departments, unchanged };
}

/** The figures of a ranking that a reader sees (what `liveDiffers` compares). */
function figures(r: QuarterRanking): string {
  return JSON.stringify({
    departments: r.departments.map((d) => ({
      id: d.departmentId,
      rank: d.rank,
      groupRank: d.groupRank,
      score: d.score,
      counted: d.counted,
      indicators: d.indicators,
      ranked: d.ranked,
    })),
    city: r.city.indicators,
    cityScore: r.city.score,
  });
}

/** Whether the live ranking's figures differ from a published one (late data, a revoked card …). */
export function rankingFiguresDiffer(published: QuarterRanking, live: QuarterRanking): boolean {
  return figures(published) !== figures(live);
}

/** A department row of the public bulletin: department-level figures only. */
export interface PublicDepartmentRow {
  departmentId: string;
  departmentName: string | null;
  departmentKind: string | null;
  group: string;
  groupRank: number | null;
  previousGroupRank: number | null;
  groupRankChange: number | null;
  rank: number | null;
  previousRank: number | null;
  rankChange: number | null;
  ranked: boolean;
  insufficientSample: boolean;
  counted: number;
  score: number | null;
  weightUsed: number;
  missingWeight: number;
  missingIndicators: string[];
  indicators: DepartmentRanking['indicators'];
  /** The department was flagged 临期突击 this quarter (the flag's evidence is not published). */
  deadlineRush: boolean;
}

/** What `/public/api/bulletins/{quarter}` answers. */
export interface PublicBulletin {
  quarter: string;
  edition: number;
  documentNumber: string;
  issuedOn: string;
  publishedAt: string;
  /** The issuing office (never a person). */
  publishedBy: string;
  city: string;
  office: string;
  asOf: string;
  from: string;
  to: string;
  previousQuarter: string;
  weights: QuarterRanking['weights'];
  minCountedCases: number;
  rectificationWindowDays: number;
  groups: QuarterRanking['groups'];
  departments: PublicDepartmentRow[];
  cityTotals: {
    counted: number;
    score: number | null;
    indicators: QuarterRanking['city']['indicators'];
  };
  coverage: QuarterRanking['coverage'];
  /** Department-level counts only (no case, no notice id). */
  supervision: QuarterSupervision | null;
}

/**
 * The public bulletin of an edition, built field by field from a whitelist (never by deleting
 * from the stored object): department-level figures, no case ids, no evidence lists, no names of
 * people — `publishedBy` is the issuing office.
 */
export function publicBulletin(e: RankingEdition): PublicBulletin {
  const r = e.ranking;
  return {
    quarter: e.quarter,
    edition: e.edition,
    documentNumber: e.documentNumber,
    issuedOn: e.issuedOn,
    publishedAt: e.publishedAt,
    publishedBy: e.bulletin.office,
    city: e.bulletin.city,
    office: e.bulletin.office,
    asOf: r.asOf,
    from: r.from,
    to: r.to,
    previousQuarter: r.previousQuarter,
    weights: { ...r.weights },
    minCountedCases: r.minCountedCases,
    rectificationWindowDays: r.rectificationWindowDays,
    groups: r.groups.map((g) => ({ ...g, departmentIds: [...g.departmentIds] })),
    departments: r.departments.map((d) => ({
      departmentId: d.departmentId,
      departmentName: d.departmentName,
      departmentKind: d.departmentKind,
      group: d.group,
      groupRank: d.groupRank,
      previousGroupRank: d.previousGroupRank,
      groupRankChange: d.groupRankChange,
      rank: d.rank,
      previousRank: d.previousRank,
      rankChange: d.rankChange,
      ranked: d.ranked,
      insufficientSample: d.insufficientSample,
      counted: d.counted,
      score: d.score,
      weightUsed: d.weightUsed,
      missingWeight: d.missingWeight,
      missingIndicators: [...d.missingIndicators],
      indicators: d.indicators,
      deadlineRush: d.deadlineRush !== null,
    })),
    cityTotals: { counted: r.city.counted, score: r.city.score, indicators: r.city.indicators },
    coverage: r.coverage,
    supervision: r.supervision ?? null,
  };
}
