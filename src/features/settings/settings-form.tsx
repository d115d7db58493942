import { Alert, App, Button, Card, Form, Input, Space, Typography } from 'antd';
import { useMemo, type FormEvent } from 'react';
import { checkEngineSettings } from '../../engine/settings';
import { intlLocale, useLocaleStore } from '../../i18n';
import { useSettingsEditor } from './use-settings-editor';
import { formatPercent } from '../../ui/format';
import { useSettingsDraft } from './settings-draft';
import { BulletinFields } from './settings-bulletin';
import {
  BULLETIN_FIELDS,
  bulletinFieldId,
  draftFrom,
  fieldProblem,
  rawSettingsFrom,
  SETTINGS_FIELDS,
  type FieldSection,
  type FieldSpec,
} from './settings-fields';
import { useSettingsMsg } from './settings-messages';

const SECTIONS: FieldSection[] = ['warning', 'slowAction', 'weights', 'ranking', 'duban'];

/** DOM id of a field's input (its label points at it). */
export function fieldDomId(f: FieldSpec): string {
  return `settings-${f.id.replace('.', '-')}`;
}

/**
 * Thresholds and weights. What is typed stays as typed (text) until it is valid and saved; an
 * invalid entry shows its reason under the field and blocks saving, and the whole set passes
 * checkEngineSettings — the same check an imported file or localStorage goes through.
 */
export function SettingsForm() {
  const m = useSettingsMsg();
  const { message } = App.useApp();
  const locale = useLocaleStore((s) => s.locale);
  const en = locale === 'en';
  const editor = useSettingsEditor();
  const saved = editor.settings;
  const setSettings = editor.setSettings;
  const draft = useSettingsDraft((s) => s.values);
  const setValue = useSettingsDraft((s) => s.setValue);
  const clear = useSettingsDraft((s) => s.clear);
  const savedValues = useMemo(() => draftFrom(saved), [saved]);
  const values = draft ?? savedValues;
  const problems = new Map<string, string>();
  for (const f of SETTINGS_FIELDS) {
    const p = fieldProblem(f, values[f.id] ?? '');
    if (p) problems.set(f.id, m(p));
  }
  const check = problems.size === 0 ? checkEngineSettings(rawSettingsFrom(values, saved)) : null;
  const dirty =
    SETTINGS_FIELDS.some(
      (f) =>
        Number((values[f.id] ?? '').trim()) !== Number(savedValues[f.id]) || problems.has(f.id),
    ) ||
    BULLETIN_FIELDS.some((k) => values[bulletinFieldId(k)] !== savedValues[bulletinFieldId(k)]);
  const weightSum = SETTINGS_FIELDS.filter((f) => f.section === 'weights').reduce((sum, f) => {
    const v = Number((values[f.id] ?? '').trim());
    return problems.has(f.id) ? sum : sum + v;
  }, 0);

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (!check?.ok || !dirty) return;
    setSettings(check.value);
    clear();
    void message.success(m('saved'));
  }

  return (
    <form onSubmit={onSubmit} aria-label={m('save')} data-testid="settings-form">
      <Form layout="vertical" component={false}>
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          {SECTIONS.map((section) => (
            <Card key={section} size="small" title={m(`section.${section}`)}>
              <div
                style={{
                  display: 'grid',
                  gridTemplateColumns: 'repeat(auto-fill, minmax(320px, 1fr))',
                  columnGap: 24,
                }}
              >
                {SETTINGS_FIELDS.filter((f) => f.section === section).map((f) => {
                  const text = values[f.id] ?? '';
                  const problem = problems.get(f.id);
                  const share =
                    f.kind === 'share' && !problem
                      ? `= ${formatPercent(Number(text), intlLocale(locale))}`
                      : null;
                  return (
                    <Form.Item
                      key={f.id}
                      label={en ? f.labelEn : f.label}
                      htmlFor={fieldDomId(f)}
                      validateStatus={problem ? 'error' : undefined}
                      help={
                        problem ??
                        ([share, f.help ? m(f.help) : null].filter(Boolean).join(m('helpJoin')) ||
                          undefined)
                      }
                      style={{ marginBottom: 16 }}
                    >
                      <Input
                        id={fieldDomId(f)}
                        value={text}
                        inputMode="decimal"
                        aria-invalid={problem ? true : undefined}
                        suffix={en ? f.unitEn : f.unit}
                        onChange={(e) => setValue(f.id, e.target.value, savedValues)}
                        style={{ maxWidth: 240 }}
                      />
                    </Form.Item>
                  );
                })}
              </div>
              {section === 'weights' ? (
                <Typography.Paragraph style={{ margin: 0 }} data-testid="settings-weight-sum">
                  <Typography.Text strong>
                    {m('weightsSum', { sum: String(weightSum) })}
                  </Typography.Text>{' '}
                  <Typography.Text type="secondary">{m('weightsHelp')}</Typography.Text>
                </Typography.Paragraph>
              ) : null}
            </Card>
          ))}
          <BulletinFields
            values={values}
            onChange={(id, text) => setValue(id, text, savedValues)}
          />
          {problems.size > 0 ? (
            <Alert
              type="error"
              showIcon
              role="alert"
              title={m('invalidTitle', { n: problems.size })}
              data-testid="settings-invalid"
            />
          ) : null}
          {check && !check.ok ? (
            <Alert
              type="error"
              showIcon
              role="alert"
              title={m('checkTitle')}
              description={
                <ul style={{ margin: 0 }}>
                  {check.reasons.map((r) => (
                    <li key={r}>{r}</li>
                  ))}
                </ul>
              }
              data-testid="settings-check"
            />
          ) : null}
          <Space wrap>
            <Button type="primary" htmlType="submit" disabled={!dirty || !check?.ok}>
              {m('save')}
            </Button>
            <Button onClick={clear} disabled={draft === null}>
              {m('discard')}
            </Button>
            {dirty ? <Typography.Text type="warning">{m('unsaved')}</Typography.Text> : null}
          </Space>
        </Space>
      </Form>
    </form>
  );
}
