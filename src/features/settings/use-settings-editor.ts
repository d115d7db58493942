/**
 * The settings page's read and write of the SHARED settings on the service (`GET`/`PUT
 * /settings`): saving makes a new version and the service re-evaluates every case, after which
 * every open view refetches. Only administrators may save; the service enforces it.
 */
import { App } from 'antd';
import { useSaveSettings, useSharedSettings } from '../../api/settings';
import { DEFAULT_ENGINE_SETTINGS, type EngineSettings } from '../../engine/settings';
import { useApiErrorText } from '../../ui/query-gate';
import { useSettingsMsg } from './settings-messages';

export interface SettingsEditor {
  settings: EngineSettings;
  version: number | null;
  saving: boolean;
  setSettings: (settings: EngineSettings) => void;
  resetSettings: () => void;
}

export function useSettingsEditor(): SettingsEditor {
  const m = useSettingsMsg();
  const { message } = App.useApp();
  const errorText = useApiErrorText();
  const query = useSharedSettings();
  const save = useSaveSettings();
  const setSettings = (settings: EngineSettings) =>
    save.mutate(settings, {
      onSuccess: (r) => void message.success(m('savedVersion', { version: r.version })),
      onError: (error) => void message.error(`${m('saveFailed')}：${errorText(error)}`),
    });
  return {
    settings: query.data?.settings ?? DEFAULT_ENGINE_SETTINGS,
    version: query.data?.version ?? null,
    saving: save.isPending,
    setSettings,
    resetSettings: () => setSettings(DEFAULT_ENGINE_SETTINGS),
  };
}
