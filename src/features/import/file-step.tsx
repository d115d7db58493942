import { InboxOutlined } from '@ant-design/icons';
import { Alert, Form, Select, Spin, Upload } from 'antd';
import { IMPORT_KINDS, IMPORT_KIND_LABELS, type ImportKind } from '../../feeds/import/fields';
import { useImportSources } from '../../feeds/import/queries';
import { useLocaleStore } from '../../i18n';
import { useImportMessages } from './messages';
import type { ImportFlow } from './use-import-flow';

/** Step 1: what the file holds, and the file itself (drop or pick). */
export function FileStep({ flow }: { flow: ImportFlow }) {
  const m = useImportMessages();
  const locale = useLocaleStore((s) => s.locale);
  const sources = useImportSources();
  const caseSources = sources.data ?? [];
  const needsTarget = flow.kind !== 'cases';
  return (
    <Form layout="vertical" style={{ maxWidth: 720 }}>
      <Form.Item label={m('kind')} htmlFor="import-kind">
        <Select<ImportKind>
          id="import-kind"
          data-testid="import-kind"
          value={flow.kind}
          onChange={flow.setKind}
          options={IMPORT_KINDS.map((k) => ({
            value: k,
            label: locale === 'zh-CN' ? IMPORT_KIND_LABELS[k].zh : IMPORT_KIND_LABELS[k].en,
          }))}
        />
      </Form.Item>
      {needsTarget && (
        <Form.Item label={m('attachTo')} extra={m('attachHint')} htmlFor="import-attach">
          {caseSources.length === 0 ? (
            <Alert type="warning" showIcon title={m('noCaseSource')} />
          ) : (
            <Select
              id="import-attach"
              value={flow.attachTo ?? undefined}
              onChange={flow.setAttachTo}
              options={caseSources.map((s) => ({ value: s.id, label: s.name }))}
            />
          )}
        </Form.Item>
      )}
      <Spin spinning={flow.busy} description={m('reading')}>
        <Upload.Dragger
          accept=".csv,.txt,.xlsx,.json,.ndjson,.jsonl"
          multiple={false}
          showUploadList={false}
          disabled={needsTarget && flow.attachTo === null}
          data-testid="import-drop"
          beforeUpload={(file) => {
            void flow.pickFile(file, (name) => m('unknownFormat', { name }));
            // Handled here: nothing is uploaded anywhere.
            return Upload.LIST_IGNORE;
          }}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{m('drop')}</p>
          <p className="ant-upload-hint">{m('dropHint')}</p>
        </Upload.Dragger>
      </Spin>
    </Form>
  );
}
