/**
 * The administrator's settings every computation depends on: warning and slow-action thresholds,
 * ranking weights / minimum volume / rectification window, and extra calendar years loaded on top
 * of the bundled official ones. Plain data, so it can be posted to the engine worker, exported as
 * JSON and imported back (validated).
 */
import {
  createCalendar,
  officialHolidayFiles,
  validateHolidayYearFile,
  type HolidayYearFile,
  type WorkingCalendar,
} from '../domain/calendar';
import {
  checkRankingSettings,
  DEFAULT_RANKING_SETTINGS,
  type RankingSettings,
} from '../domain/ranking';
import {
  checkSlowActionThresholds,
  DEFAULT_SLOW_ACTION_THRESHOLDS,
  type SlowActionThresholds,
} from '../domain/slow-action';
import { DEFAULT_WARNING_THRESHOLDS, type WarningThresholds } from '../domain/time-limit';

/**
 * The published bulletin's (季度通报) letterhead: the city, the issuing office and the prefix of
 * its document number (`督通〔2026〕3号`). Stored in every published ranking edition.
 */
export interface BulletinSettings {
  /** City name, e.g. 演示市. */
  city: string;
  /** Issuing office, e.g. 演示市人民政府效能督查室. */
  office: string;
  /** Document-number prefix, e.g. 督通 → 督通〔2026〕3号. */
  documentPrefix: string;
}

export const DEFAULT_BULLETIN_SETTINGS: BulletinSettings = {
  city: '演示市',
  office: '演示市人民政府效能督查室',
  documentPrefix: '督通',
};

/** Longest accepted text per bulletin field. */
const BULLETIN_MAX: Record<keyof BulletinSettings, number> = {
  city: 40,
  office: 80,
  documentPrefix: 10,
};

/** The document number of an edition: `督通〔2026〕3号`. */
export function bulletinDocumentNumber(prefix: string, year: number, n: number): string {
  return `${prefix}〔${year}〕${n}号`;
}

/** 督办: the response deadline a new notice gets unless the supervisor sets another. */
export interface DubanSettings {
  /** Working days to respond to a 督办单 (default 3; 1–60). */
  deadlineDays: number;
}

export const DEFAULT_DUBAN_SETTINGS: DubanSettings = { deadlineDays: 3 };

export interface EngineSettings {
  warning: WarningThresholds;
  slowAction: SlowActionThresholds;
  ranking: RankingSettings;
  /** The bulletin's city, issuing office and document-number prefix. */
  bulletin: BulletinSettings;
  /** The 督办单's default response deadline. */
  duban: DubanSettings;
  /** Official holiday files loaded by an administrator (a newer year), on top of the bundled ones. */
  extraCalendarFiles: HolidayYearFile[];
}

export const DEFAULT_ENGINE_SETTINGS: EngineSettings = {
  warning: { ...DEFAULT_WARNING_THRESHOLDS },
  slowAction: { ...DEFAULT_SLOW_ACTION_THRESHOLDS },
  ranking: { ...DEFAULT_RANKING_SETTINGS, weights: { ...DEFAULT_RANKING_SETTINGS.weights } },
  bulletin: { ...DEFAULT_BULLETIN_SETTINGS },
  duban: { ...DEFAULT_DUBAN_SETTINGS },
  extraCalendarFiles: [],
};

/** Missing fields take the defaults; each text is trimmed, non-empty, short, without control characters. */
function bulletinFrom(raw: unknown, reasons: string[]): BulletinSettings {
  const out: BulletinSettings = { ...DEFAULT_BULLETIN_SETTINGS };
  if (raw === undefined) return out;
  if (!isObject(raw)) {
    reasons.push('bulletin 应为对象 (bulletin must be an object)');
    return out;
  }
  for (const key of Object.keys(DEFAULT_BULLETIN_SETTINGS) as (keyof BulletinSettings)[]) {
    const v = raw[key];
    if (v === undefined) continue;
    const text = typeof v === 'string' ? v.trim() : null;
    const max = BULLETIN_MAX[key];
    if (
      text === null ||
      text === '' ||
      text.length > max ||
      [...text].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f)
    ) {
      reasons.push(
        `bulletin.${key} 应为 1–${max} 个字符的文字 (must be text of 1–${max} characters)`,
      );
    } else if (key === 'documentPrefix' && /[〔〕[\]号]/u.test(text)) {
      reasons.push(
        'bulletin.documentPrefix 不应含〔〕或“号” (the prefix must not contain 〔〕 or 号)',
      );
    } else out[key] = text;
  }
  return out;
}

/**
 * The working calendar for these settings: bundled official years, with an administrator's file
 * for the same year replacing the bundled one (a corrected notice), and new years added.
 */
export function calendarFor(settings: Pick<EngineSettings, 'extraCalendarFiles'>): WorkingCalendar {
  const byYear = new Map<number, HolidayYearFile>();
  for (const f of officialHolidayFiles) byYear.set(f.year, f);
  for (const f of settings.extraCalendarFiles) byYear.set(f.year, f);
  return createCalendar([...byYear.values()]);
}

export type SettingsCheck = { ok: true; value: EngineSettings } | { ok: false; reasons: string[] };

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function numbersFrom<T extends object>(
  defaults: T,
  raw: unknown,
  section: string,
  reasons: string[],
): T {
  const out = { ...defaults } as Record<string, unknown>;
  if (raw === undefined) return out as T;
  if (!isObject(raw)) {
    reasons.push(`${section} 应为对象 (${section} must be an object)`);
    return out as T;
  }
  for (const [key, fallback] of Object.entries(defaults)) {
    if (typeof fallback !== 'number') continue;
    const v = raw[key];
    if (v === undefined) continue;
    if (typeof v !== 'number' || !Number.isFinite(v))
      reasons.push(`${section}.${key} 应为数字 (must be a number)`);
    else out[key] = v;
  }
  return out as T;
}

/**
 * Validates settings JSON (an exported settings file, or localStorage): missing fields take the
 * defaults, wrong ones are reported — nothing is half-applied.
 */
export function checkEngineSettings(raw: unknown): SettingsCheck {
  const reasons: string[] = [];
  if (!isObject(raw))
    return { ok: false, reasons: ['设置文件应为 JSON 对象 (settings must be a JSON object)'] };
  const warning = numbersFrom(DEFAULT_ENGINE_SETTINGS.warning, raw['warning'], 'warning', reasons);
  if (!(warning.earlyWarningDays >= 0 && Number.isInteger(warning.earlyWarningDays))) {
    reasons.push('warning.earlyWarningDays 应为非负整数 (must be a non-negative integer)');
  }
  const slowAction = numbersFrom(
    DEFAULT_ENGINE_SETTINGS.slowAction,
    raw['slowAction'],
    'slowAction',
    reasons,
  );
  reasons.push(...checkSlowActionThresholds(slowAction));
  const rankingRaw = raw['ranking'];
  const rankingBase = numbersFrom(
    {
      minCountedCases: DEFAULT_RANKING_SETTINGS.minCountedCases,
      rectificationWindowDays: DEFAULT_RANKING_SETTINGS.rectificationWindowDays,
    },
    rankingRaw,
    'ranking',
    reasons,
  );
  const weights = numbersFrom(
    DEFAULT_RANKING_SETTINGS.weights,
    isObject(rankingRaw) ? rankingRaw['weights'] : undefined,
    'ranking.weights',
    reasons,
  );
  const ranking: RankingSettings = { ...rankingBase, weights };
  reasons.push(...checkRankingSettings(ranking));
  const bulletin = bulletinFrom(raw['bulletin'], reasons);
  const duban = numbersFrom(DEFAULT_DUBAN_SETTINGS, raw['duban'], 'duban', reasons);
  // The contract accepts 1–60 working days for a notice; a default outside it could not be used.
  if (!(
    Number.isInteger(duban.deadlineDays) &&
    duban.deadlineDays >= 1 &&
    duban.deadlineDays <= 60
  ))
    reasons.push('duban.deadlineDays 应为 1–60 的整数 (must be a whole number from 1 to 60)');
  const extraCalendarFiles: HolidayYearFile[] = [];
  const files = raw['extraCalendarFiles'];
  if (files !== undefined) {
    if (!Array.isArray(files)) reasons.push('extraCalendarFiles 应为数组 (must be an array)');
    else
      for (const f of files) {
        const checked = validateHolidayYearFile(f);
        if (checked.ok) extraCalendarFiles.push(checked.value);
        else reasons.push(`extraCalendarFiles: ${checked.reason}`);
      }
  }
  if (reasons.length > 0) return { ok: false, reasons };
  return { ok: true, value: { warning, slowAction, ranking, bulletin, duban, extraCalendarFiles } };
}
