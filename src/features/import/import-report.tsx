import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Space, Statistic, Table, Typography } from 'antd';
import { rejectedCsvUrl, useRejectedSample } from '../../api/imports';
import type { ImportReport, RejectedSample } from '../../contract/imports';
import { intlLocale, useLocaleStore } from '../../i18n';
import { formatCount, formatDateTime } from '../../ui/format';
import type { ImportMsg } from './import-messages';
import { ReCheck } from './re-check';

type SampleRow = RejectedSample['items'][number];

/** The cells of a rejected row as one line of text (the header's own names). */
const cellsText = (cells: Record<string, string>): string =>
  Object.entries(cells)
    .map(([k, v]) => `${k}=${v}`)
    .join('，');

/**
 * The report of a finished import: rows = accepted + rejected, the first rejected rows with the
 * file's line number and the reason, the CSV of all of them, and the command-line re-check.
 */
export function ImportReportCard({
  report,
  asOf,
  onUseSource,
  m,
}: {
  report: ImportReport;
  /** The service's as-of instant (the re-check evaluates as of the same one). */
  asOf: string | null;
  onUseSource: (source: string) => void;
  m: ImportMsg;
}) {
  const locale = intlLocale(useLocaleStore((s) => s.locale));
  const sample = useRejectedSample(report);
  const lineTitle = report.position === 'sheet-row' ? m('colSheetRow') : m('colLine');
  const finished = report.finishedAt === null ? null : Date.parse(report.finishedAt);
  return (
    <Card
      data-testid="import-report"
      title={m('reportTitle', { name: report.fileName })}
      extra={
        <Button type="primary" onClick={() => onUseSource(report.source)} data-testid="import-use">
          {m('useSource')}
        </Button>
      }
    >
      <Space size="large" wrap>
        <Statistic
          title={m('rows')}
          value={formatCount(report.rows, locale)}
          data-testid="report-rows"
        />
        <Statistic
          title={m('accepted')}
          value={formatCount(report.accepted, locale)}
          data-testid="report-accepted"
        />
        <Statistic
          title={m('rejected')}
          value={formatCount(report.rejected, locale)}
          data-testid="report-rejected"
          styles={report.rejected > 0 ? { content: { color: '#cf1322' } } : undefined}
        />
      </Space>
      <Typography.Paragraph type="secondary" data-testid="report-sum" style={{ marginTop: 8 }}>
        {m('sumCheck', {
          accepted: formatCount(report.accepted, locale),
          rejected: formatCount(report.rejected, locale),
          rows: formatCount(report.rows, locale),
        })}
        {' · '}
        {m('departments', { n: formatCount(report.byResource.departments.derived, locale) })}
      </Typography.Paragraph>
      <Descriptions
        size="small"
        column={3}
        items={[
          { key: 'format', label: m('format'), children: report.format.toUpperCase() },
          { key: 'encoding', label: m('encoding'), children: report.encoding ?? '—' },
          {
            key: 'finished',
            label: m('finishedAt'),
            children:
              finished === null || Number.isNaN(finished) ? '—' : formatDateTime(finished, locale),
          },
        ]}
      />
      {report.rejected > 0 && (
        <>
          <Space style={{ margin: '12px 0' }} wrap>
            <Typography.Text strong>
              {m('sample', {
                shown: formatCount(
                  Math.min(report.rejected, sample.data?.items.length ?? 0),
                  locale,
                ),
                total: formatCount(report.rejected, locale),
              })}
            </Typography.Text>
            <Button
              icon={<DownloadOutlined />}
              href={rejectedCsvUrl(report.importId)}
              download
              data-testid="download-rejected"
            >
              {m('downloadRejected')}
            </Button>
          </Space>
          {sample.isError ? (
            <Alert type="warning" showIcon title={sample.error.message} />
          ) : (
            <Table<SampleRow>
              size="small"
              data-testid="rejected-sample"
              loading={sample.isPending}
              rowKey={(r) => `${r.ordinal}`}
              pagination={false}
              scroll={{ x: true }}
              dataSource={sample.data?.items ?? []}
              columns={[
                { title: lineTitle, dataIndex: 'line', width: 90 },
                { title: m('colOrdinal'), dataIndex: 'ordinal', width: 90 },
                {
                  title: m('colId'),
                  dataIndex: 'id',
                  width: 140,
                  render: (v: string | null) => v ?? '—',
                },
                { title: m('colReason'), dataIndex: 'reason' },
                {
                  title: m('colCells'),
                  dataIndex: 'cells',
                  ellipsis: true,
                  render: (cells: Record<string, string>) => cellsText(cells),
                },
              ]}
            />
          )}
        </>
      )}
      <ReCheck report={report} asOf={asOf} m={m} />
    </Card>
  );
}
