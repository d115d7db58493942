import { Button, Card, Progress, Space, Typography } from 'antd';
import { formatBytes, type ImportReport } from '../../contract/imports';
import { formatCount } from '../../ui/format';
import type { ImportMsg } from './import-messages';

/** The upload's bytes, as a real progress bar, with a button that aborts it. */
export function UploadProgress({
  name,
  loaded,
  total,
  onCancel,
  m,
}: {
  name: string;
  loaded: number;
  total: number;
  onCancel: () => void;
  m: ImportMsg;
}) {
  const percent = total > 0 ? Math.min(100, Math.floor((loaded / total) * 100)) : 0;
  return (
    <Card size="small" data-testid="upload-progress" data-percent={percent}>
      <Typography.Text strong>{m('uploading', { name })}</Typography.Text>
      <Progress percent={percent} status="active" aria-label={m('uploading', { name })} />
      <Space>
        <Typography.Text type="secondary">
          {m('uploaded', { loaded: formatBytes(loaded), total: formatBytes(total) })}
        </Typography.Text>
        <Button onClick={onCancel} data-testid="import-cancel">
          {m('cancel')}
        </Button>
      </Space>
    </Card>
  );
}

/** The service reading the file: the records read so far, and a button that cancels the import. */
export function ReadProgress({
  report,
  onCancel,
  m,
}: {
  report: ImportReport;
  onCancel: () => void;
  m: ImportMsg;
}) {
  return (
    <Card size="small" data-testid="import-running" aria-busy="true">
      <Typography.Text strong>{m('reading', { name: report.fileName })}</Typography.Text>
      <Progress percent={100} status="active" showInfo={false} />
      <Space>
        <Typography.Text type="secondary" role="status" data-testid="import-read-so-far">
          {m('readSoFar', {
            rows: formatCount(report.rows),
            accepted: formatCount(report.accepted),
            rejected: formatCount(report.rejected),
          })}
        </Typography.Text>
        <Button onClick={onCancel} data-testid="import-cancel">
          {m('cancel')}
        </Button>
      </Space>
    </Card>
  );
}
