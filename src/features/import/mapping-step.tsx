import { Alert, Button, Descriptions, Select, Space, Table, Tag, Typography } from 'antd';
import {
  ENCODING_LABELS,
  TEXT_ENCODINGS,
  type TextEncodingName,
} from '../../feeds/import/encoding';
import { FIELD_SPECS, type FieldSpec } from '../../feeds/import/fields';
import {
  DEFAULT_TIMEZONE,
  TIMESTAMP_FORMATS,
  TIMESTAMP_FORMAT_LABELS,
  type TimestampFormat,
} from '../../feeds/import/timestamp';
import { useImportMessages } from './messages';
import { PresetsBar } from './presets-bar';
import { detectMappedTimestamps, sampleOf } from './preview';
import type { ImportFlow } from './use-import-flow';

const ZONES = [
  '+08:00',
  'Z',
  '+09:00',
  '+07:00',
  '+01:00',
  '+00:00',
  '-04:00',
  '-05:00',
  '-06:00',
  '-07:00',
  '-08:00',
];

/** Required fields of the current kind that have no column yet. */
export function missingRequired(flow: ImportFlow): FieldSpec[] {
  const header = new Set(flow.inspection?.header ?? []);
  return FIELD_SPECS[flow.mapping.kind].filter(
    (s) => s.required && !header.has(flow.mapping.columns[s.field] ?? s.field),
  );
}

/** Step 2: encoding, the column of each field, timestamp format and zone, presets. */
export function MappingStep({ flow }: { flow: ImportFlow }) {
  const m = useImportMessages();
  const inspection = flow.inspection;
  if (!inspection) return null;
  const { mapping, setMapping } = flow;
  const detected = detectMappedTimestamps(inspection, { ...mapping, timestampFormat: undefined });
  const missing = missingRequired(flow);
  const setColumn = (field: string, column: string | undefined) => {
    const columns = { ...mapping.columns };
    // A column feeds one field: taking it here releases it elsewhere.
    for (const [f, c] of Object.entries(columns)) if (c === column) delete columns[f];
    if (column === undefined) delete columns[field];
    else columns[field] = column;
    setMapping({ ...mapping, columns });
  };
  const hasUpdatedAt = FIELD_SPECS[mapping.kind].some((s) => s.field === 'updatedAt');

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Descriptions size="small" column={{ xs: 1, md: 3 }} bordered>
        <Descriptions.Item label={m('file')}>{flow.file?.name}</Descriptions.Item>
        {inspection.format !== 'xlsx' && (
          <Descriptions.Item label={m('encoding')}>
            <Space>
              <Select<TextEncodingName>
                size="small"
                aria-label={m('encoding')}
                data-testid="import-encoding"
                value={inspection.encoding}
                onChange={flow.setEncoding}
                options={TEXT_ENCODINGS.map((e) => ({ value: e, label: ENCODING_LABELS[e] }))}
                style={{ width: 150 }}
              />
              <Typography.Text type="secondary">
                {m('encodingDetected', { enc: ENCODING_LABELS[inspection.detectedEncoding] })}
              </Typography.Text>
            </Space>
          </Descriptions.Item>
        )}
        <Descriptions.Item label={m('timestampFormat')}>
          <Space orientation="vertical" size={2}>
            <Select<TimestampFormat>
              size="small"
              aria-label={m('timestampFormat')}
              data-testid="import-ts-format"
              value={mapping.timestampFormat ?? 'iso'}
              onChange={(f) =>
                setMapping({ ...mapping, timestampFormat: f === 'iso' ? undefined : f })
              }
              options={TIMESTAMP_FORMATS.map((f) => ({
                value: f,
                label: TIMESTAMP_FORMAT_LABELS[f],
              }))}
              style={{ width: 300 }}
              popupMatchSelectWidth={false}
            />
            <Typography.Text type="secondary" data-testid="import-ts-detected">
              {m('tzDetected', {
                format: TIMESTAMP_FORMAT_LABELS[detected.format],
                parsed: detected.parsed,
                samples: detected.samples,
              })}
            </Typography.Text>
          </Space>
        </Descriptions.Item>
        <Descriptions.Item label={m('timezone')} span={3}>
          <Space wrap>
            <Select<string>
              size="small"
              aria-label={m('timezone')}
              data-testid="import-timezone"
              value={mapping.timezone ?? DEFAULT_TIMEZONE}
              onChange={(tz) =>
                setMapping({ ...mapping, timezone: tz === DEFAULT_TIMEZONE ? undefined : tz })
              }
              options={ZONES.map((z) => ({
                value: z,
                label: z === '+08:00' ? 'UTC+08:00 北京时间' : z === 'Z' ? 'UTC' : `UTC${z}`,
              }))}
              style={{ width: 180 }}
            />
            <Typography.Text type="secondary">
              {detected.offsets.length > 0
                ? m('tzOffsets', { offsets: detected.offsets.join(' ') })
                : m('tzNone')}
            </Typography.Text>
          </Space>
        </Descriptions.Item>
      </Descriptions>
      <PresetsBar
        mapping={mapping}
        onApply={(p) => flow.setMapping({ ...p, kind: mapping.kind })}
      />
      <Table<FieldSpec>
        size="small"
        rowKey="field"
        pagination={false}
        data-testid="mapping-table"
        dataSource={[...FIELD_SPECS[mapping.kind]]}
        columns={[
          {
            title: m('field'),
            render: (_, s) => (
              <Space>
                <span>{s.zh}</span>
                <Typography.Text type="secondary" code>
                  {s.field}
                </Typography.Text>
                {s.required && <Tag color="red">{m('required')}</Tag>}
              </Space>
            ),
          },
          {
            title: m('column'),
            width: 280,
            render: (_, s) => (
              <Select<string>
                allowClear
                showSearch
                style={{ width: '100%' }}
                aria-label={`${s.zh} ${m('column')}`}
                data-testid={`map-${s.field}`}
                placeholder={m('notMapped')}
                value={mapping.columns[s.field]}
                onChange={(v) => setColumn(s.field, v)}
                options={inspection.header.map((h) => ({ value: h, label: h }))}
              />
            ),
          },
          {
            title: m('sample'),
            render: (_, s) => (
              <Typography.Text ellipsis>
                {sampleOf(inspection, mapping.columns[s.field])}
              </Typography.Text>
            ),
          },
        ]}
      />
      {hasUpdatedAt && mapping.columns['updatedAt'] === undefined && (
        <Alert type="info" showIcon title={m('updatedAtNote')} />
      )}
      {missing.length > 0 && (
        <Alert
          type="warning"
          showIcon
          title={m('missingRequired', { fields: missing.map((s) => s.zh).join('、') })}
        />
      )}
      <Space>
        <Button onClick={() => flow.setStep(0)}>{m('back')}</Button>
        <Button
          type="primary"
          disabled={missing.length > 0}
          onClick={() => flow.setStep(2)}
          data-testid="mapping-next"
        >
          {m('next')}
        </Button>
      </Space>
    </Space>
  );
}
