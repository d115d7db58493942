/**
 * The settings form's fields: where each value lives in EngineSettings, its Chinese label and
 * unit, and the kind of number it takes. The form keeps what was typed as text (so nothing typed
 * is ever lost or silently rounded) and parses it here.
 */
import type { SettingsHelpKey, SettingsProblemKey } from './settings-messages';
import { describeIndicators, INDICATOR_KEYS, type IndicatorKey } from '../../domain/ranking';
import type { SlowActionThresholds } from '../../domain/slow-action';
import type { EngineSettings } from '../../engine/settings';

/** How a field's text must read: a non-negative integer, a non-negative number, or a share 0–1. */
export type FieldKind = 'int' | 'number' | 'share';

export type FieldSection = 'warning' | 'slowAction' | 'weights' | 'ranking' | 'duban';

export interface FieldSpec {
  id: string;
  section: FieldSection;
  key: string;
  kind: FieldKind;
  label: string;
  labelEn: string;
  unit: string;
  unitEn: string;
  /** Key of the field's help text in the settings message table. */
  help?: SettingsHelpKey;
}

const WD = ['工作日', 'working days'] as const;

function slow(
  key: keyof SlowActionThresholds,
  kind: FieldKind,
  label: string,
  labelEn: string,
  unit: readonly [string, string],
  help?: SettingsHelpKey,
): FieldSpec {
  return {
    id: `slowAction.${key}`,
    section: 'slowAction',
    key,
    kind,
    label,
    labelEn,
    unit: unit[0],
    unitEn: unit[1],
    help,
  };
}

const INDICATOR_INFO = describeIndicators();

/** Every field of the form, in display order. */
export const SETTINGS_FIELDS: readonly FieldSpec[] = [
  {
    id: 'warning.earlyWarningDays',
    section: 'warning',
    key: 'earlyWarningDays',
    kind: 'int',
    label: '预警阈值：剩余承诺时限不超过',
    labelEn: 'Early warning when committed days left are at most',
    unit: WD[0],
    unitEn: WD[1],
    help: 'help.earlyWarning',
  },
  slow(
    'stallDays',
    'int',
    '滞留：当前环节无流转达到',
    'Stall: no movement at the current step for',
    WD,
  ),
  slow(
    'stallShareOfCommitted',
    'share',
    '滞留：或达到承诺时限的比例（取较小者，至少 1 个工作日）',
    'Stall: or this share of the committed limit (smaller one, at least 1 day)',
    ['比例', 'share'],
    'help.stallShare',
  ),
  slow(
    'acceptedIdleDays',
    'int',
    '受理未办：受理后无下一环节超过',
    'Accepted, idle: no next step within',
    WD,
  ),
  slow('maxCorrections', 'int', '多次补正：补正次数超过', 'Repeated corrections: more than', [
    '次',
    'times',
  ]),
  slow(
    'overlongSuspensionFactor',
    'number',
    '暂停过长：暂停工作日超过承诺时限的',
    'Overlong suspension: suspended days above the committed limit times',
    ['倍', '×'],
  ),
  slow(
    'inactionOverdueDays',
    'int',
    '超期未办结：超过承诺期限',
    'Inaction: open and overdue by more than',
    WD,
  ),
  slow(
    'deadlineRushShare',
    'share',
    '临期突击：恰在承诺期限当日办结的比例达到',
    'Deadline rush: share completed on the deadline day at least',
    ['比例', 'share'],
    'help.rushShare',
  ),
  slow(
    'deadlineRushMinLimitDays',
    'int',
    '临期突击：只统计承诺时限不少于',
    'Deadline rush: only cases with a committed limit of at least',
    WD,
  ),
  slow(
    'deadlineRushMinCompleted',
    'int',
    '临期突击：部门办结件数至少',
    'Deadline rush: at least this many completed cases',
    ['件', 'cases'],
  ),
  ...INDICATOR_KEYS.map((k: IndicatorKey): FieldSpec => {
    const info = INDICATOR_INFO.find((i) => i.key === k);
    return {
      id: `weights.${k}`,
      section: 'weights',
      key: k,
      kind: 'number',
      label: info?.name ?? k,
      labelEn: info?.nameEn ?? k,
      unit: '权重',
      unitEn: 'weight',
    };
  }),
  {
    id: 'ranking.minCountedCases',
    section: 'ranking',
    key: 'minCountedCases',
    kind: 'int',
    label: '最低样本量：季度计入办件少于此数列为“样本不足”',
    labelEn: 'Minimum volume: fewer counted cases are listed as too few',
    unit: '件',
    unitEn: 'cases',
  },
  {
    id: 'ranking.rectificationWindowDays',
    section: 'ranking',
    key: 'rectificationWindowDays',
    kind: 'int',
    label: '差评整改期限：评价后',
    labelEn: 'Bad-review rectification window',
    unit: WD[0],
    unitEn: WD[1],
    help: 'help.rectification',
  },
  {
    id: 'duban.deadlineDays',
    section: 'duban',
    key: 'deadlineDays',
    kind: 'int',
    label: '督办单反馈期限（默认值，签发时可改）',
    labelEn: 'Notice response deadline (default; can be changed when issuing)',
    unit: WD[0],
    unitEn: WD[1],
    help: 'help.noticeDays',
  },
];

export type DraftValues = Record<string, string>;

/** The current settings as the form's text values. */
export function draftFrom(s: EngineSettings): DraftValues {
  const out: DraftValues = {};
  for (const f of SETTINGS_FIELDS) out[f.id] = String(valueOf(s, f));
  for (const k of BULLETIN_FIELDS) out[bulletinFieldId(k)] = s.bulletin[k];
  return out;
}

function valueOf(s: EngineSettings, f: FieldSpec): number {
  const table: Record<FieldSection, Record<string, number>> = {
    warning: { ...s.warning },
    slowAction: { ...s.slowAction },
    weights: { ...s.ranking.weights },
    ranking: {
      minCountedCases: s.ranking.minCountedCases,
      rectificationWindowDays: s.ranking.rectificationWindowDays,
    },
    duban: { ...s.duban },
  };
  return table[f.section][f.key] ?? Number.NaN;
}

/** A readable problem with one field's text, or null when it reads as a valid number. */
export function fieldProblem(f: FieldSpec, text: string): SettingsProblemKey | null {
  const t = text.trim();
  if (t === '') return 'problem.required';
  const v = Number(t);
  if (!Number.isFinite(v)) return 'problem.number';
  if (v < 0) return 'problem.negative';
  if (f.kind === 'int' && !Number.isInteger(v)) return 'problem.whole';
  if (f.kind === 'share' && v > 1) return 'problem.share';
  return null;
}

/** The bulletin letterhead fields (text, not numbers), keyed like the number fields. */
export const BULLETIN_FIELDS = ['city', 'office', 'documentPrefix'] as const;
export type BulletinField = (typeof BULLETIN_FIELDS)[number];
export const bulletinFieldId = (k: BulletinField) => `bulletin.${k}`;

function bulletinFrom(values: DraftValues, base: EngineSettings): EngineSettings['bulletin'] {
  const pick = (k: BulletinField) => values[bulletinFieldId(k)] ?? base.bulletin[k];
  return { city: pick('city'), office: pick('office'), documentPrefix: pick('documentPrefix') };
}

/**
 * The settings the form's texts describe, on top of `base` (which supplies what the form does not
 * edit: the extra calendar years), as a raw object for checkEngineSettings.
 */
export function rawSettingsFrom(values: DraftValues, base: EngineSettings): unknown {
  const num = (id: string) => Number((values[id] ?? '').trim());
  const section = (s: FieldSection) =>
    Object.fromEntries(
      SETTINGS_FIELDS.filter((f) => f.section === s).map((f) => [f.key, num(f.id)]),
    );
  return {
    warning: section('warning'),
    slowAction: section('slowAction'),
    ranking: { ...section('ranking'), weights: section('weights') },
    // Not numbers, edited as text below the numbers; without them here a save reset the
    // letterhead to its defaults.
    bulletin: bulletinFrom(values, base),
    duban: section('duban'),
    extraCalendarFiles: base.extraCalendarFiles,
  };
}
