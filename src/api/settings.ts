/**
 * `GET /settings` and `PUT /settings` (administrators): the shared settings, checked with the
 * engine's own validator, so the page edits exactly what the service evaluates with.
 */
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { settingsResponse, settingsSaved } from '../contract/service';
import { checkEngineSettings, type EngineSettings } from '../engine/settings';
import { apiGet, apiSend } from './http';
import { apiKeys } from './keys';

export interface SharedSettings {
  version: number;
  settings: EngineSettings;
  changedBy: string | null;
  changedAt: string | null;
}

/** The answer's schema, its `settings` validated by checkEngineSettings. */
const sharedSettings = settingsResponse.transform((raw, ctx): SharedSettings => {
  const checked = checkEngineSettings(raw.settings);
  if (!checked.ok) {
    ctx.addIssue({ code: 'custom', message: checked.reasons.join('; ') });
    return { ...raw, settings: checkedFallback() };
  }
  return { ...raw, settings: checked.value };
});

// Only reached after a failed check, whose issue already fails the parse.
function checkedFallback(): EngineSettings {
  const d = checkEngineSettings({});
  if (!d.ok) throw new Error('default settings invalid');
  return d.value;
}

export function fetchSettings(signal?: AbortSignal): Promise<SharedSettings> {
  return apiGet('/settings', sharedSettings, signal);
}

export const settingsQuery = () =>
  queryOptions({
    queryKey: apiKeys.settings(),
    queryFn: ({ signal }) => fetchSettings(signal),
    staleTime: 5 * 60_000,
  });

export const useSharedSettings = () => useQuery(settingsQuery());

/** Saves new settings; the service re-evaluates, so every view is refetched. */
export function useSaveSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (settings: EngineSettings) => apiSend('PUT', '/settings', settingsSaved, settings),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: apiKeys.all }),
  });
}
