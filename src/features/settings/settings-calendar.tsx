import { UploadOutlined } from '@ant-design/icons';
import { richMessage } from '../../ui/rich-message';
import { Alert, App, Button, Card, Popconfirm, Space, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { isoFromDay, type HolidayYearFile } from '../../domain/calendar';
import { calendarFor } from '../../engine/settings';
import { useSettingsEditor } from './use-settings-editor';
import { addCalendarFile, BUNDLED_YEARS, PLACEHOLDER_YEARS, yearRanges } from './calendar-files';
import { FileButton } from './file-button';
import { readFileText } from './read-file';
import { useSettingsMsg } from './settings-messages';

/**
 * The working-day calendar: bundled official years, years loaded by the administrator (saved
 * with the settings at once, so the engine recomputes), the resulting coverage, load and remove.
 */
export function SettingsCalendar() {
  const m = useSettingsMsg();
  const { message } = App.useApp();
  const editor = useSettingsEditor();
  const settings = editor.settings;
  const setSettings = editor.setSettings;
  const [error, setError] = useState<string | null>(null);
  const extra = settings.extraCalendarFiles;
  const cal = useMemo(() => calendarFor({ extraCalendarFiles: extra }), [extra]);

  async function onFile(file: File) {
    setError(null);
    const text = await readFileText(file);
    const result = addCalendarFile(text, extra, m('calendar.empty'), (reason) =>
      m('notJson', { reason }),
    );
    if (!result.ok) {
      setError(m('calendar.loadFailed', { name: file.name, reason: result.reason }));
      return;
    }
    setSettings({ ...settings, extraCalendarFiles: result.extra });
    const covered = calendarFor({ extraCalendarFiles: result.extra }).coveredYears;
    void message.success(
      m('calendar.loaded', {
        year: result.file.year,
        n: result.file.days.length,
        ranges: yearRanges(covered),
      }) + (result.replacesBundled ? m('calendar.replaces') : ''),
    );
  }

  function remove(year: number) {
    setSettings({ ...settings, extraCalendarFiles: extra.filter((f) => f.year !== year) });
    void message.success(m('calendar.removed', { year }));
  }

  return (
    <Card size="small" title={m('calendar.title')} data-testid="settings-calendar">
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Text>
          {m('calendar.bundled', { ranges: yearRanges(BUNDLED_YEARS), n: BUNDLED_YEARS.length })}
        </Typography.Text>
        {PLACEHOLDER_YEARS.length > 0 ? (
          <Typography.Text type="secondary">
            {m('calendar.placeholders', { years: PLACEHOLDER_YEARS.join('、') })}
          </Typography.Text>
        ) : null}
        <Typography.Text strong data-testid="settings-calendar-coverage">
          {m('calendar.coverage', {
            ranges: yearRanges(cal.coveredYears),
            from: isoFromDay(cal.coveredFrom),
            to: isoFromDay(cal.coveredTo),
          })}
        </Typography.Text>
        <Typography.Title level={5} style={{ marginTop: 8 }}>
          {m('calendar.extra')}
        </Typography.Title>
        <Table<HolidayYearFile>
          size="small"
          rowKey="year"
          dataSource={extra}
          pagination={false}
          locale={{ emptyText: m('calendar.noExtra') }}
          columns={[
            { key: 'year', title: m('calendar.year'), dataIndex: 'year' },
            { key: 'days', title: m('calendar.days'), render: (_, f) => f.days.length },
            {
              key: 'kind',
              title: m('calendar.kind'),
              render: (_, f) =>
                BUNDLED_YEARS.includes(f.year) ? m('calendar.kindReplace') : m('calendar.kindNew'),
            },
            {
              key: 'papers',
              title: m('calendar.papers'),
              render: (_, f) => (
                <Typography.Text style={{ wordBreak: 'break-all' }}>
                  {f.papers.join('；') || '—'}
                </Typography.Text>
              ),
            },
            {
              key: 'actions',
              title: m('calendar.actions'),
              render: (_, f) => (
                <Popconfirm
                  title={m('calendar.removeConfirm', { year: f.year })}
                  okText={m('ok')}
                  cancelText={m('cancel')}
                  onConfirm={() => remove(f.year)}
                >
                  <Button size="small" danger>
                    {`${m('calendar.remove')} ${String(f.year)}`}
                  </Button>
                </Popconfirm>
              ),
            },
          ]}
        />
        <Space wrap align="center">
          <FileButton
            label={m('calendar.load')}
            accept=".json,application/json"
            icon={<UploadOutlined />}
            onFile={(f) => void onFile(f)}
            testId="calendar-file-input"
          />
          <Typography.Text type="secondary">
            {/* The file's field names are code, the same in both languages. */}
            {richMessage(m('calendar.loadHelp'), {
              format: <code>year, papers, days[name, date, isOffDay]</code>,
            })}
          </Typography.Text>
        </Space>
        {error ? (
          <Alert
            type="error"
            showIcon
            role="alert"
            title={error}
            closable
            onClose={() => setError(null)}
            data-testid="calendar-error"
          />
        ) : null}
      </Space>
    </Card>
  );
}
