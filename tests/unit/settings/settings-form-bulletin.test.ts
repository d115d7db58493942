/**
 * Saving the settings form must keep what the form does not edit: the bulletin letterhead (city,
 * issuing office, document-number prefix) used to be dropped, so every save reset it to 演示市.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_ENGINE_SETTINGS, checkEngineSettings } from '../../../src/engine/settings';
import { draftFrom, rawSettingsFrom } from '../../../src/features/settings/settings-fields';

describe('settings form', () => {
  it('keeps the bulletin letterhead when saving other fields', () => {
    const saved = {
      ...DEFAULT_ENGINE_SETTINGS,
      bulletin: { city: '枫林市', office: '枫林市人民政府效能督查室', documentPrefix: '枫督' },
    };
    const values = { ...draftFrom(saved), 'ranking.minCountedCases': '25' };
    const checked = checkEngineSettings(rawSettingsFrom(values, saved));
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    expect(checked.value.bulletin).toEqual(saved.bulletin);
    expect(checked.value.ranking.minCountedCases).toBe(25);
  });
});
