import { Alert, Space } from 'antd';
import { useSharedSettings } from '../../api/settings';
import { QueryGate } from '../../ui/query-gate';
import { SettingsCalendar } from './settings-calendar';
import { SettingsEffect } from './settings-effect';
import { SettingsFileActions } from './settings-file-actions';
import { SettingsForm } from './settings-form';
import { useSettingsMsg } from './settings-messages';

/**
 * 设置: warning and slow-action thresholds, ranking weights, minimum volume, rectification window,
 * the working-day calendar, and export / import / restore of the whole set — the service's shared
 * settings, versioned.
 */
export function SettingsPage() {
  const m = useSettingsMsg();
  const query = useSharedSettings();
  return (
    <QueryGate query={query}>
      {(shared) => (
        <Space
          orientation="vertical"
          size="middle"
          style={{ width: '100%' }}
          data-testid="settings-page"
        >
          <Alert
            type="info"
            showIcon
            title={m('storageTitle', { version: shared.version })}
            description={m('storageBody')}
          />
          <SettingsEffect />
          <SettingsForm />
          <SettingsCalendar />
          <SettingsFileActions />
        </Space>
      )}
    </QueryGate>
  );
}
