/**
 * What the administrator has typed but not saved yet. Kept in a small in-memory store (UI state,
 * not persisted) so that leaving the page and coming back loses nothing; `null` means "no edits:
 * show the saved settings".
 */
import { create } from 'zustand';
import type { DraftValues } from './settings-fields';

interface DraftState {
  values: DraftValues | null;
  setValue: (id: string, text: string, base: DraftValues) => void;
  clear: () => void;
}

export const useSettingsDraft = create<DraftState>()((set) => ({
  values: null,
  setValue: (id, text, base) => set((s) => ({ values: { ...(s.values ?? base), [id]: text } })),
  clear: () => set({ values: null }),
}));
