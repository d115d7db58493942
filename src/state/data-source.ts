/**
 * Which data the dashboard shows: the configured feed (demo or live, per config.json) or a dataset
 * the user imported from a file (issue 8). Remembered on this browser.
 */
import { create } from 'zustand';
import { persist } from 'zustand/middleware';

export type DataSourceChoice = { kind: 'feed' } | { kind: 'import'; id: string };

interface DataSourceState {
  choice: DataSourceChoice;
  setChoice: (choice: DataSourceChoice) => void;
}

export const useDataSourceStore = create<DataSourceState>()(
  persist((set) => ({ choice: { kind: 'feed' }, setChoice: (choice) => set({ choice }) }), {
    name: 'ducha.source',
  }),
);
