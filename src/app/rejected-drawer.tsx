import { Button, Drawer, Table, Typography } from 'antd';
import { toCsv } from '../contract/csv';
import { downloadText } from '../export/download';
import type { RejectedRecord } from '../feeds/result';
import { useT } from '../i18n';

/** The records the feed boundary rejected: listed with reasons, downloadable as CSV. */
export function RejectedDrawer({
  open,
  onClose,
  rejected,
}: {
  open: boolean;
  onClose: () => void;
  rejected: RejectedRecord[];
}) {
  const t = useT();
  const download = () =>
    downloadText(
      toCsv(rejected, [
        { header: '数据类别', value: (r) => r.resource },
        { header: '序号', value: (r) => r.index + 1 },
        { header: '编号', value: (r) => r.id },
        { header: '原因', value: (r) => r.reason },
        { header: '原始记录', value: (r) => JSON.stringify(r.raw) },
      ]),
      '未通过校验的记录.csv',
    );
  return (
    <Drawer
      title={t('feed.rejected.title')}
      open={open}
      onClose={onClose}
      width={880}
      extra={
        <Button onClick={download} data-testid="download-rejected">
          {t('feed.rejected.download')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">{t('feed.rejected.explain')}</Typography.Paragraph>
      <Table<RejectedRecord>
        size="small"
        rowKey={(r) => `${r.resource}-${r.index}`}
        dataSource={rejected}
        pagination={{ pageSize: 50, showSizeChanger: false }}
        columns={[
          { title: t('feed.rejected.resource'), dataIndex: 'resource', width: 110 },
          { title: t('feed.rejected.index'), render: (_, r) => r.index + 1, width: 80 },
          { title: t('feed.rejected.id'), dataIndex: 'id', width: 160 },
          { title: t('feed.rejected.reason'), dataIndex: 'reason' },
        ]}
      />
    </Drawer>
  );
}
