import { Alert, Card, Space, Steps, Typography } from 'antd';
import { FileStep } from './file-step';
import { MappingStep } from './mapping-step';
import { useImportMessages } from './messages';
import { PreviewStep } from './preview-step';
import { ReportStep } from './report-step';
import { SourceList } from './source-list';
import { useImportFlow } from './use-import-flow';

/**
 * 数据导入 (issue 8): pick a file → map its columns (detected, fixable) → preview parsed rows →
 * import in a worker with progress and cancel → report; imported datasets listed with use/delete.
 */
export function ImportPage() {
  const m = useImportMessages();
  const flow = useImportFlow();
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <div>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {m('title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{m('intro')}</Typography.Paragraph>
      </div>
      <Card>
        <Steps
          current={flow.step}
          style={{ marginBottom: 24 }}
          items={[
            { title: m('stepFile') },
            { title: m('stepMapping') },
            { title: m('stepPreview') },
            { title: m('stepReport') },
          ]}
        />
        {flow.error !== null && (
          <Alert
            type="error"
            showIcon
            title={m('failed')}
            description={flow.error}
            style={{ marginBottom: 16 }}
            data-testid="import-error"
          />
        )}
        {flow.step === 0 && <FileStep flow={flow} />}
        {flow.step === 1 && <MappingStep flow={flow} />}
        {flow.step === 2 && <PreviewStep flow={flow} />}
        {flow.step === 3 && <ReportStep flow={flow} />}
      </Card>
      <SourceList />
    </Space>
  );
}
