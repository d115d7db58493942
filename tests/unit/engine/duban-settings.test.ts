import { describe, expect, it } from 'vitest';
import { checkEngineSettings } from '../../../src/engine/settings';

describe('duban settings (the notice deadline default)', () => {
  it('defaults to 3 working days and keeps a valid value', () => {
    const d = checkEngineSettings({});
    expect(d.ok && d.value.duban.deadlineDays).toBe(3);
    const five = checkEngineSettings({ duban: { deadlineDays: 5 } });
    expect(five.ok && five.value.duban.deadlineDays).toBe(5);
  });

  it('refuses a deadline the notice contract could not take', () => {
    for (const bad of [0, 61, 2.5, '3']) {
      const r = checkEngineSettings({ duban: { deadlineDays: bad } });
      expect(r.ok, String(bad)).toBe(false);
    }
  });
});
