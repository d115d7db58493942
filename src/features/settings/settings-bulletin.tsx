import { Card, Form, Input } from 'antd';
import { defineMessages } from '../../i18n';
import {
  BULLETIN_FIELDS,
  bulletinFieldId,
  type BulletinField,
  type DraftValues,
} from './settings-fields';

const useMsg = defineMessages(
  {
    title: '季度通报抬头',
    city: '市名',
    office: '发文机关',
    documentPrefix: '文号前缀',
    help: '已发布的通报保存发布时的抬头，修改后只影响之后发布的版本。文号形如“督通〔2026〕3号”。',
  },
  {
    title: 'Bulletin letterhead',
    city: 'City',
    office: 'Issuing office',
    documentPrefix: 'Document number prefix',
    help: 'Published bulletins keep the letterhead they were issued with; a change applies to later editions. A number is the prefix, the year in brackets and the serial.',
  },
);

const MAX: Record<BulletinField, number> = { city: 40, office: 80, documentPrefix: 10 };

/** The letterhead of the published 季度通报 (text fields; checked by checkEngineSettings). */
export function BulletinFields({
  values,
  onChange,
}: {
  values: DraftValues;
  onChange: (id: string, text: string) => void;
}) {
  const m = useMsg();
  return (
    <Card size="small" title={m('title')} data-testid="settings-bulletin">
      {BULLETIN_FIELDS.map((k) => {
        const id = bulletinFieldId(k);
        return (
          <Form.Item
            key={k}
            label={m(k)}
            htmlFor={`settings-${id.replace('.', '-')}`}
            style={{ marginBottom: 12 }}
          >
            <Input
              id={`settings-${id.replace('.', '-')}`}
              value={values[id] ?? ''}
              maxLength={MAX[k]}
              onChange={(e) => onChange(id, e.target.value)}
              style={{ maxWidth: 420 }}
            />
          </Form.Item>
        );
      })}
      <div style={{ color: 'rgba(0,0,0,0.45)' }}>{m('help')}</div>
    </Card>
  );
}
