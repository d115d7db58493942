import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Empty, Row, Space, Statistic, Table, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { formatShanghaiIso } from '../../domain/time-limit/instant';
import { downloadText } from '../../export/download';
import type { ImportRejection } from '../../feeds/import/run-import';
import { POSITION_LABELS } from '../../feeds/import/table';
import { asOfInstant, useRuntimeConfig } from '../../feeds/runtime-config';
import { useLocaleStore } from '../../i18n';
import { useSourceActions } from '../../ui/data-source-switch';
import { formatCount } from '../../ui/format';
import { useImportMessages } from './messages';
import { rejectedRowsCsv } from './rejected-csv';
import type { ImportFlow } from './use-import-flow';

/** Step 4: accepted and rejected counts (adding up to the file's records), each rejection, download. */
export function ReportStep({ flow }: { flow: ImportFlow }) {
  const m = useImportMessages();
  const locale = useLocaleStore((s) => s.locale);
  const config = useRuntimeConfig();
  const navigate = useNavigate();
  const { activate } = useSourceActions();
  const { report, file, inspection } = flow;
  if (!report || !file) return null;
  const positionLabel = POSITION_LABELS[file.format][locale === 'zh-CN' ? 'zh' : 'en'];
  const n = (x: number) => formatCount(x, locale === 'zh-CN' ? 'zh-CN' : 'en-GB');
  const download = () => {
    const csv = rejectedRowsCsv(
      report.rejected,
      inspection?.header ?? [],
      POSITION_LABELS[file.format].zh,
    );
    downloadText(csv, `${file.name.replace(/\.[^.]+$/, '')}-拒收记录.csv`);
  };
  const cmd = `npm run -s cli -- evaluate --input ${file.name} --mapping 映射.json --as-of ${formatShanghaiIso(asOfInstant(config))}`;
  return (
    <Space
      orientation="vertical"
      size="middle"
      style={{ width: '100%' }}
      data-testid="import-report"
    >
      <Row gutter={16}>
        <Col span={8}>
          <Card size="small">
            <Statistic title={m('total')} value={n(report.total)} data-testid="report-total" />
          </Card>
        </Col>
        <Col span={8}>
          <Card size="small">
            <Statistic
              title={m('accepted')}
              value={n(report.accepted)}
              styles={{ content: { color: '#389e0d' } }}
              data-testid="report-accepted"
            />
          </Card>
        </Col>
        <Col span={8}>
          <Card size="small">
            <Statistic
              title={m('rejected')}
              value={n(report.rejected.length)}
              styles={{ content: { color: report.rejected.length > 0 ? '#cf1322' : undefined } }}
              data-testid="report-rejected"
            />
          </Card>
        </Col>
      </Row>
      <Typography.Text data-testid="report-sum">
        {m('sumCheck', {
          accepted: n(report.accepted),
          rejected: n(report.rejected.length),
          total: n(report.total),
        })}
      </Typography.Text>
      <Typography.Text type="secondary">
        {m('timing', { parse: n(report.parseMs), save: n(report.saveMs) })}
      </Typography.Text>
      {report.source.derived.departments && flow.mapping.kind === 'cases' && (
        <Alert type="info" showIcon title={m('derived')} />
      )}
      {flow.mapping.kind === 'cases' && (
        <Typography.Text type="secondary" copyable={{ text: cmd }}>
          {m('cliHint', { cmd })}
        </Typography.Text>
      )}
      <Space wrap>
        <Button
          type="primary"
          data-testid="import-activate"
          onClick={() => {
            activate(report.source.id);
            void navigate('/overview');
          }}
        >
          {m('activate')}
        </Button>
        <Button
          onClick={() => {
            activate(report.source.id);
            void navigate('/alerts');
          }}
        >
          {m('viewAlerts')}
        </Button>
        <Button onClick={flow.reset}>{m('another')}</Button>
      </Space>
      <Card
        size="small"
        title={`${m('rejectedTitle')}（${n(report.rejected.length)}）`}
        extra={
          <Button
            icon={<DownloadOutlined />}
            disabled={report.rejected.length === 0}
            onClick={download}
            data-testid="download-rejected"
          >
            {m('downloadRejected')}
          </Button>
        }
      >
        {report.rejected.length === 0 ? (
          <Empty description={m('noRejected')} />
        ) : (
          <Table<ImportRejection>
            size="small"
            rowKey={(r) => `${r.position}-${r.reason}`}
            dataSource={report.rejected}
            pagination={{ pageSize: 20, showSizeChanger: false }}
            data-testid="rejected-table"
            columns={[
              { title: positionLabel, dataIndex: 'position', width: 100 },
              { title: 'ID', dataIndex: 'id', width: 160, render: (v: string | null) => v ?? '—' },
              { title: m('reason'), dataIndex: 'reason' },
            ]}
          />
        )}
      </Card>
    </Space>
  );
}
