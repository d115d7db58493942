import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Popconfirm, Space } from 'antd';
import { useState } from 'react';
import { isoFromDay, shanghaiDayOf } from '../../domain/calendar';
import { calendarFor, checkEngineSettings } from '../../engine/settings';
import { downloadText } from '../../export/download';
import { useSettingsEditor } from './use-settings-editor';
import { FileButton } from './file-button';
import { readFileText } from './read-file';
import { useSettingsDraft } from './settings-draft';
import { useSettingsMsg } from './settings-messages';

/** The JSON text an export writes (the saved settings, as the store keeps them). */
export function settingsJson(settings: unknown): string {
  return `${JSON.stringify(settings, null, 2)}\n`;
}

/**
 * Export the saved settings as JSON, import a settings file (validated with the same
 * checkEngineSettings as localStorage: replaced only when valid, the reasons shown otherwise),
 * and restore the defaults after a confirmation.
 */
export function SettingsFileActions() {
  const m = useSettingsMsg();
  const { message } = App.useApp();
  const editor = useSettingsEditor();
  const settings = editor.settings;
  const setSettings = editor.setSettings;
  const resetSettings = editor.resetSettings;
  const clearDraft = useSettingsDraft((s) => s.clear);
  const [failure, setFailure] = useState<{ name: string; reasons: string[] } | null>(null);

  function exportSettings() {
    const day = isoFromDay(shanghaiDayOf(Date.now())).replace(/-/g, '');
    downloadText(
      settingsJson(settings),
      `督查看板设置-${day}.json`,
      'application/json;charset=utf-8',
    );
  }

  async function importSettings(file: File) {
    setFailure(null);
    const text = await readFileText(file);
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      setFailure({ name: file.name, reasons: [m('notJson', { reason })] });
      return;
    }
    const checked = checkEngineSettings(raw);
    if (!checked.ok) {
      setFailure({ name: file.name, reasons: checked.reasons });
      return;
    }
    try {
      calendarFor(checked.value);
    } catch (error) {
      setFailure({
        name: file.name,
        reasons: [error instanceof Error ? error.message : String(error)],
      });
      return;
    }
    setSettings(checked.value);
    clearDraft();
    void message.success(m('imported', { name: file.name }));
  }

  return (
    <Card size="small" title={m('fileActions')} data-testid="settings-file-actions">
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Space wrap>
          <Button icon={<DownloadOutlined />} onClick={exportSettings}>
            {m('export')}
          </Button>
          <FileButton
            label={m('import')}
            accept=".json,application/json"
            icon={<UploadOutlined />}
            onFile={(f) => void importSettings(f)}
            testId="settings-file-input"
          />
          <Popconfirm
            title={m('restoreConfirm')}
            description={<div style={{ maxWidth: 320 }}>{m('restoreConfirmBody')}</div>}
            okText={m('ok')}
            cancelText={m('cancel')}
            onConfirm={() => {
              resetSettings();
              clearDraft();
              void message.success(m('restored'));
            }}
          >
            <Button danger>{m('restore')}</Button>
          </Popconfirm>
        </Space>
        {failure ? (
          <Alert
            type="error"
            showIcon
            role="alert"
            closable
            onClose={() => setFailure(null)}
            title={m('importFailed', { name: failure.name })}
            description={
              <ul style={{ margin: 0 }}>
                {failure.reasons.map((r) => (
                  <li key={r}>{r}</li>
                ))}
              </ul>
            }
            data-testid="settings-import-error"
          />
        ) : null}
      </Space>
    </Card>
  );
}
