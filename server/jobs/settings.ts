/**
 * Settings live in the service: versioned, shared by every user, each change recorded with who and
 * when. Version 0 is the defaults (nothing stored yet). A stored body is re-validated on load.
 */
import {
  checkEngineSettings,
  DEFAULT_ENGINE_SETTINGS,
  type EngineSettings,
} from '../../src/engine/settings';
import type { Database } from '../store/database';

export interface SettingsVersion {
  version: number;
  settings: EngineSettings;
  changedBy: string | null;
  changedAt: number | null;
}

export async function currentSettings(db: Database): Promise<SettingsVersion> {
  const rows = await db.all(
    'SELECT version, body, changed_by, changed_at FROM settings_versions ORDER BY version DESC LIMIT 1',
  );
  const row = rows[0];
  if (row === undefined)
    return { version: 0, settings: DEFAULT_ENGINE_SETTINGS, changedBy: null, changedAt: null };
  let parsed: unknown = null;
  try {
    parsed = JSON.parse(String(row['body']));
  } catch {
    parsed = null;
  }
  const checked = checkEngineSettings(parsed);
  if (!checked.ok) {
    throw new Error(
      `存储的设置无效 (stored settings version ${String(row['version'])} is invalid: ${checked.reasons.join('; ')})`,
    );
  }
  return {
    version: Number(row['version']),
    settings: checked.value,
    changedBy: typeof row['changed_by'] === 'string' ? row['changed_by'] : null,
    changedAt: typeof row['changed_at'] === 'number' ? row['changed_at'] : null,
  };
}

export type SaveSettingsResult =
  { ok: true; version: SettingsVersion } | { ok: false; reasons: string[] };

/** Validates and stores a new version; the caller recomputes the derived results. */
export async function saveSettings(
  db: Database,
  raw: unknown,
  changedBy: string,
): Promise<SaveSettingsResult> {
  const checked = checkEngineSettings(raw);
  if (!checked.ok) return { ok: false, reasons: checked.reasons };
  const now = Date.now();
  const version = await db.transaction(async (tx) => {
    const rows = await tx.all(
      'SELECT coalesce(max(version), 0)::INTEGER AS v FROM settings_versions',
    );
    const next = Number(rows[0]?.['v'] ?? 0) + 1;
    await tx.run('INSERT INTO settings_versions VALUES ($1, $2, $3, $4)', [
      next,
      JSON.stringify(checked.value),
      changedBy,
      now,
    ]);
    return next;
  });
  return { ok: true, version: { version, settings: checked.value, changedBy, changedAt: now } };
}
