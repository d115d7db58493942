import { describe, expect, it } from 'vitest';
import {
  bulletinDocumentNumber,
  checkEngineSettings,
  DEFAULT_ENGINE_SETTINGS,
} from '../../../src/engine/settings';

describe('bulletin settings (city, issuing office, document-number prefix)', () => {
  it('defaults to the demo city when missing', () => {
    const r = checkEngineSettings({});
    expect(r.ok && r.value.bulletin).toEqual({
      city: '演示市',
      office: '演示市人民政府效能督查室',
      documentPrefix: '督通',
    });
    expect(DEFAULT_ENGINE_SETTINGS.bulletin.documentPrefix).toBe('督通');
  });

  it('takes trimmed texts and keeps defaults for missing fields', () => {
    const r = checkEngineSettings({ bulletin: { city: ' 临江市 ', documentPrefix: '临效通' } });
    expect(r.ok && r.value.bulletin).toEqual({
      city: '临江市',
      office: '演示市人民政府效能督查室',
      documentPrefix: '临效通',
    });
  });

  it('rejects empty, over-long, non-text, control characters and brackets in the prefix', () => {
    const bad = (bulletin: unknown) => {
      const r = checkEngineSettings({ bulletin });
      return r.ok ? [] : r.reasons;
    };
    expect(bad({ city: '' })[0]).toContain('bulletin.city');
    expect(bad({ office: 'x'.repeat(81) })[0]).toContain('bulletin.office');
    expect(bad({ city: 3 })[0]).toContain('bulletin.city');
    expect(bad({ city: 'a\nb' })[0]).toContain('bulletin.city');
    expect(bad({ documentPrefix: '督〔通' })[0]).toContain('documentPrefix');
    expect(bad('演示市')[0]).toContain('bulletin');
  });

  it('numbers a document 督通〔2026〕3号', () => {
    expect(bulletinDocumentNumber('督通', 2026, 3)).toBe('督通〔2026〕3号');
  });
});
