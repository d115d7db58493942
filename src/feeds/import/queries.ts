/**
 * Imported datasets through react-query: the source list and one source's records, loaded from
 * IndexedDB. Keys start with `import` (not `feed`, so the feeds' freshness stamp ignores them).
 */
import { queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { listPresets, listSources, loadSourceData, type ImportedSourceMeta } from './store';

export const importKeys = {
  all: ['import'] as const,
  sources: () => ['import', 'sources'] as const,
  presets: () => ['import', 'presets'] as const,
  /** A source's records at a revision: a new revision is a new key. */
  data: (id: string, revision: number) => ['import', id, revision, 'data'] as const,
};

export const importSourcesQuery = queryOptions({
  queryKey: importKeys.sources(),
  queryFn: listSources,
  staleTime: Infinity,
});

export const importPresetsQuery = queryOptions({
  queryKey: importKeys.presets(),
  queryFn: listPresets,
  staleTime: Infinity,
});

/** The imported sources on this browser, newest first. */
export function useImportSources() {
  return useQuery(importSourcesQuery);
}

/** Saved mapping presets. */
export function useMappingPresets() {
  return useQuery(importPresetsQuery);
}

/** One source's records (disabled without a source). */
export function useImportData(meta: ImportedSourceMeta | undefined) {
  return useQuery({
    queryKey: importKeys.data(meta?.id ?? '', meta?.revision ?? 0),
    queryFn: async () => {
      const data = await loadSourceData(meta?.id ?? '');
      if (data === null)
        throw new Error('导入数据已被删除 (the imported dataset no longer exists)');
      return data;
    },
    enabled: meta !== undefined,
    staleTime: Infinity,
    // Large: keep only the one on screen.
    gcTime: 0,
  });
}

/** Re-reads the source list and presets after a change (import, delete, preset saved). */
export function useInvalidateImports(): () => Promise<void> {
  const client = useQueryClient();
  return useCallback(() => client.invalidateQueries({ queryKey: importKeys.all }), [client]);
}
