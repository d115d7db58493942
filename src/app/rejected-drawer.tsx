import { Button, Drawer, Table, Typography } from 'antd';
import { useState } from 'react';
import { REJECTED_PAGE_SIZE, rejectedExportUrl, useRejected } from '../api/rejected';
import type { RejectedResponse } from '../contract/service';
import { useT } from '../i18n';

type RejectedItem = RejectedResponse['items'][number];

/** The records the service's feed boundary rejected: listed with reasons (paged), CSV download. */
export function RejectedDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT();
  const [page, setPage] = useState(1);
  const query = useRejected(page, open);
  return (
    <Drawer
      title={t('feed.rejected.title')}
      open={open}
      onClose={onClose}
      size={880}
      extra={
        <Button href={rejectedExportUrl()} download data-testid="download-rejected">
          {t('feed.rejected.download')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">{t('feed.rejected.explain')}</Typography.Paragraph>
      <Table<RejectedItem>
        size="small"
        loading={query.isFetching}
        rowKey={(r) => `${r.resource}-${r.index}`}
        dataSource={query.data?.items ?? []}
        pagination={{
          current: page,
          pageSize: REJECTED_PAGE_SIZE,
          total: query.data?.total ?? 0,
          showSizeChanger: false,
          onChange: setPage,
        }}
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
