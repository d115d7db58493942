import { CheckCircleTwoTone, CloseCircleTwoTone } from '@ant-design/icons';
import { Button, Progress, Space, Table, Typography } from 'antd';
import { FIELD_SPECS } from '../../feeds/import/fields';
import { formatCount } from '../../ui/format';
import { useImportMessages } from './messages';
import { previewRows, type PreviewRow } from './preview';
import type { ImportFlow } from './use-import-flow';

const PREVIEW_ROWS = 10;

/** Step 3: the first rows as parsed values (or the reason they would be rejected), then import. */
export function PreviewStep({ flow }: { flow: ImportFlow }) {
  const m = useImportMessages();
  const { inspection, mapping, progress } = flow;
  if (!inspection) return null;
  const rows = previewRows(inspection, mapping, PREVIEW_ROWS);
  const fields = FIELD_SPECS[mapping.kind].filter((s) => mapping.columns[s.field] !== undefined);
  const percent =
    progress && progress.total > 0 ? Math.floor((100 * progress.done) / progress.total) : 0;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={5}>
        {m('previewTitle', { n: Math.min(PREVIEW_ROWS, rows.length) })}
      </Typography.Title>
      <Table<PreviewRow>
        size="small"
        rowKey="key"
        pagination={false}
        scroll={{ x: 'max-content' }}
        data-testid="preview-table"
        dataSource={rows}
        columns={[
          { title: m('row'), dataIndex: 'position', width: 70 },
          {
            title: m('status'),
            width: 90,
            render: (_, r) =>
              r.ok ? (
                <Space size={4}>
                  <CheckCircleTwoTone twoToneColor="#52c41a" />
                  {m('previewOk')}
                </Space>
              ) : (
                <Space size={4}>
                  <CloseCircleTwoTone twoToneColor="#ff4d4f" />
                  {m('previewRejected')}
                </Space>
              ),
          },
          ...fields.map((s) => ({
            title: s.zh,
            key: s.field,
            render: (_: unknown, r: PreviewRow) => r.values[s.field] ?? '',
          })),
          {
            title: m('reason'),
            key: 'reason',
            render: (_: unknown, r: PreviewRow) => r.reason ?? '',
          },
        ]}
      />
      {progress ? (
        <Space orientation="vertical" style={{ width: '100%' }} data-testid="import-progress">
          <Typography.Text>
            {progress.phase === 'read'
              ? m('progressRead')
              : progress.phase === 'validate'
                ? m('progressValidate', {
                    done: formatCount(progress.done),
                    total: formatCount(progress.total),
                  })
                : m('progressSave')}
          </Typography.Text>
          <Progress percent={progress.phase === 'save' ? 100 : percent} status="active" />
          <Button danger onClick={flow.cancel} data-testid="import-cancel">
            {m('cancel')}
          </Button>
        </Space>
      ) : (
        <Space>
          <Button onClick={() => flow.setStep(1)}>{m('back')}</Button>
          <Button type="primary" onClick={() => void flow.start()} data-testid="import-start">
            {m('start')}
          </Button>
        </Space>
      )}
    </Space>
  );
}
