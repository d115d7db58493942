import { DeleteOutlined, DownloadOutlined, SaveOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Input, Select, Space, Tooltip, Typography, Upload } from 'antd';
import { useState } from 'react';
import { downloadText } from '../../export/download';
import {
  mappingToJson,
  parseImportMapping,
  type ImportMapping,
} from '../../feeds/import/import-mapping';
import { useInvalidateImports, useMappingPresets } from '../../feeds/import/queries';
import { deletePreset, savePreset } from '../../feeds/import/store';
import { useImportMessages } from './messages';

/**
 * Named mapping presets: load, save, delete, and export / import as the JSON the CLI's
 * `evaluate --mapping` takes.
 */
export function PresetsBar({
  mapping,
  onApply,
}: {
  mapping: ImportMapping;
  onApply: (m: ImportMapping) => void;
}) {
  const m = useImportMessages();
  const { message } = App.useApp();
  const presets = useMappingPresets();
  const invalidate = useInvalidateImports();
  const [name, setName] = useState('');
  const [picked, setPicked] = useState<string | null>(null);
  const matching = (presets.data ?? []).filter((p) => p.mapping.kind === mapping.kind);

  const save = async () => {
    const n = name.trim();
    if (n === '') return;
    await savePreset({ name: n, mapping });
    await invalidate();
    setPicked(n);
    void message.success(m('presetSaved', { name: n }));
  };
  const exportJson = () => {
    const file = `${(name.trim() || picked || 'mapping').replace(/[\\/:*?"<>|]/g, '_')}.json`;
    downloadText(`${JSON.stringify(mappingToJson(mapping), null, 2)}\n`, file, 'application/json');
  };
  const importJson = async (file: File) => {
    let raw: unknown;
    try {
      raw = JSON.parse(await file.text());
    } catch (e) {
      void message.error(m('presetInvalid', { reason: (e as Error).message }));
      return;
    }
    const parsed = parseImportMapping(raw);
    if (!parsed.ok) void message.error(m('presetInvalid', { reason: parsed.reason }));
    else {
      onApply(parsed.value);
      setName(file.name.replace(/\.json$/i, ''));
    }
  };

  return (
    <Space wrap align="center" data-testid="mapping-presets">
      <Typography.Text strong>{m('presets')}</Typography.Text>
      <Select
        style={{ minWidth: 200 }}
        placeholder={m('presetPick')}
        aria-label={m('presetPick')}
        value={picked ?? undefined}
        onChange={(v: string) => {
          setPicked(v);
          const p = matching.find((x) => x.name === v);
          if (p) {
            onApply(p.mapping);
            setName(p.name);
          }
        }}
        options={matching.map((p) => ({ value: p.name, label: p.name }))}
      />
      {picked !== null && (
        <Tooltip title={m('presetDelete')}>
          <Button
            aria-label={m('presetDelete')}
            icon={<DeleteOutlined />}
            onClick={() =>
              void deletePreset(picked)
                .then(invalidate)
                .then(() => setPicked(null))
            }
          />
        </Tooltip>
      )}
      <Input
        style={{ width: 180 }}
        placeholder={m('presetName')}
        aria-label={m('presetName')}
        value={name}
        onChange={(e) => setName(e.target.value)}
      />
      <Button icon={<SaveOutlined />} disabled={name.trim() === ''} onClick={() => void save()}>
        {m('presetSave')}
      </Button>
      <Tooltip title={m('presetCliHint')}>
        <Button icon={<DownloadOutlined />} onClick={exportJson}>
          {m('presetExport')}
        </Button>
      </Tooltip>
      <Upload
        accept=".json"
        showUploadList={false}
        beforeUpload={(file) => {
          void importJson(file);
          return Upload.LIST_IGNORE;
        }}
      >
        <Button icon={<UploadOutlined />}>{m('presetImport')}</Button>
      </Upload>
    </Space>
  );
}
