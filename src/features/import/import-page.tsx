import { InboxOutlined } from '@ant-design/icons';
import { Alert, Button, Space, Typography, Upload } from 'antd';
import { useNavigate } from 'react-router';
import { CITY_SOURCE, SOURCE_PARAM, useSource } from '../../api/source-choice';
import { useMe } from '../../api/session';
import { useSyncStatus } from '../../api/sync-status';
import { useUrlParam } from '../../state/url-state';
import { DatasetList } from './dataset-list';
import { useImportMsg } from './import-messages';
import { ReadProgress, UploadProgress } from './import-progress';
import { ImportReportCard } from './import-report';
import { RefusalAlert } from './refusal-alert';
import { useImportFlow } from './use-import-flow';

/** Accepted extensions (the service decides by the name's extension too). */
const ACCEPT = '.csv,.txt,.xlsx,.json,.ndjson,.jsonl';
const IMPORTERS = new Set(['admin', 'supervisor']);

/**
 * 数据导入: upload a case file to the service (progress, cancel), follow the import, read its
 * report, and manage the imported datasets the header's source switch offers.
 */
export function ImportPage() {
  const m = useImportMsg();
  const me = useMe();
  const navigate = useNavigate();
  const source = useSource();
  const [, setSource] = useUrlParam(SOURCE_PARAM);
  const asOf = useSyncStatus().data?.asOf ?? null;
  const flow = useImportFlow();
  const { state, run } = flow;
  const canImport = me.data !== undefined && IMPORTERS.has(me.data.role);

  const useAsSource = (id: string) =>
    void navigate({ pathname: '/overview', search: `?${SOURCE_PARAM}=${encodeURIComponent(id)}` });

  let current = null;
  if (state.step === 'uploading') {
    current = (
      <UploadProgress
        name={state.file.name}
        loaded={state.loaded}
        total={state.total}
        onCancel={() => void flow.cancel()}
        m={m}
      />
    );
  } else if (state.step === 'refused') {
    current = (
      <RefusalAlert
        error={state.error}
        m={m}
        onReplace={() => void flow.start(state.file, true)}
        onDismiss={flow.reset}
      />
    );
  } else if (state.step === 'aborted') {
    current = (
      <Alert
        type="info"
        showIcon
        role="status"
        title={m('uploadAborted')}
        data-testid="upload-aborted"
      />
    );
  } else if (state.step === 'importing') {
    const report = run.data;
    if (run.isError && report === undefined) {
      current = <Alert type="error" showIcon role="alert" title={run.error.message} />;
    } else if (report === undefined || report.state === 'running') {
      current = report && (
        <ReadProgress report={report} onCancel={() => void flow.cancel()} m={m} />
      );
    } else if (report.state === 'cancelled') {
      current = (
        <Alert
          type="info"
          showIcon
          role="status"
          title={m('cancelled')}
          data-testid="import-cancelled"
        />
      );
    } else if (report.state === 'failed') {
      current = (
        <Alert
          type="error"
          showIcon
          role="alert"
          data-testid="import-failed"
          title={report.error?.includes('磁盘空间不足') ? m('diskTitle') : m('failedTitle')}
          description={report.error}
        />
      );
    } else {
      current = <ImportReportCard report={report} asOf={asOf} onUseSource={useAsSource} m={m} />;
    }
  }
  const busy =
    state.step === 'uploading' || (state.step === 'importing' && run.data?.state === 'running');

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="import-page">
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {m('intro')}
      </Typography.Paragraph>
      {me.data !== undefined && !canImport && <Alert type="info" showIcon title={m('forbidden')} />}
      {canImport && (
        <Upload.Dragger
          accept={ACCEPT}
          multiple={false}
          showUploadList={false}
          disabled={busy}
          data-testid="import-dropzone"
          // The file goes up through our own request (progress, cancel, the service's answers).
          beforeUpload={(file) => {
            void flow.start(file);
            return Upload.LIST_IGNORE;
          }}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <Button type="primary" tabIndex={-1}>
            {m('choose')}
          </Button>
          <p className="ant-upload-hint">{m('chooseHint')}</p>
        </Upload.Dragger>
      )}
      {flow.cancelError && <Alert type="error" showIcon title={flow.cancelError.message} />}
      <div aria-live="polite">{current}</div>
      <DatasetList
        current={source}
        onUse={(id) => setSource(id === null || id === CITY_SOURCE ? null : id)}
        canDelete={canImport}
        m={m}
      />
    </Space>
  );
}
