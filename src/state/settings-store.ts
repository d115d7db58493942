/**
 * The administrator's settings (thresholds, weights, extra calendar years), kept in this browser's
 * localStorage. What is stored is re-validated on load: a damaged entry falls back to the defaults
 * rather than feeding wrong thresholds into every figure.
 */
import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import {
  checkEngineSettings,
  DEFAULT_ENGINE_SETTINGS,
  type EngineSettings,
} from '../engine/settings';

interface SettingsState {
  settings: EngineSettings;
  /** Replaces the settings (already validated by the caller with checkEngineSettings). */
  setSettings: (settings: EngineSettings) => void;
  resetSettings: () => void;
}

export const useSettingsStore = create<SettingsState>()(
  persist(
    (set) => ({
      settings: DEFAULT_ENGINE_SETTINGS,
      setSettings: (settings) => set({ settings }),
      resetSettings: () => set({ settings: DEFAULT_ENGINE_SETTINGS }),
    }),
    {
      name: 'ducha.settings',
      version: 1,
      storage: createJSONStorage(() => localStorage),
      partialize: (s) => ({ settings: s.settings }),
      merge: (persisted, current) => {
        const raw = (persisted as { settings?: unknown } | undefined)?.settings;
        const checked = raw === undefined ? null : checkEngineSettings(raw);
        return { ...current, settings: checked?.ok ? checked.value : current.settings };
      },
    },
  ),
);
