import { Alert, App, Button, Card, Empty, Popconfirm, Space, Table, Tag, Tooltip } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiRequestError } from '../../api/http';
import { apiKeys } from '../../api/keys';
import { deleteSource, useSources, type SourceInfo } from '../../api/sources';
import { intlLocale, useLocaleStore } from '../../i18n';
import { formatCount, formatDateTime } from '../../ui/format';
import type { ImportMsg } from './import-messages';

/**
 * The imported datasets the service keeps (name, cases, when, who), each to choose as the pages'
 * source or to delete (with a confirmation; its records go for good).
 */
export function DatasetList({
  current,
  onUse,
  canDelete,
  m,
}: {
  current: string;
  onUse: (source: string | null) => void;
  canDelete: boolean;
  m: ImportMsg;
}) {
  const locale = intlLocale(useLocaleStore((s) => s.locale));
  const sources = useSources();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [busy, setBusy] = useState<string | null>(null);
  const imported = (sources.data?.items ?? []).filter((s) => s.kind === 'import');

  async function remove(s: SourceInfo) {
    setBusy(s.id);
    try {
      await deleteSource(s.id);
      // Its views are gone for good; the header's list and the import list change.
      queryClient.removeQueries({ queryKey: apiKeys.source(s.id) });
      await queryClient.invalidateQueries({ queryKey: apiKeys.sources() });
      void queryClient.invalidateQueries({ queryKey: apiKeys.imports(), exact: true });
      if (current === s.id) onUse(null);
      void message.success(m('removed', { name: s.label }));
    } catch (e) {
      const reason = e instanceof ApiRequestError || e instanceof Error ? e.message : String(e);
      void message.error(m('removeFailed', { reason }));
    } finally {
      setBusy(null);
    }
  }

  let body;
  if (sources.isError) body = <Alert type="warning" showIcon title={m('datasetsError')} />;
  else if (!sources.isPending && imported.length === 0)
    body = <Empty description={m('datasetsEmpty')} data-testid="datasets-empty" />;
  else
    body = (
      <Table<SourceInfo>
        size="small"
        data-testid="dataset-list"
        loading={sources.isPending}
        rowKey="id"
        pagination={false}
        dataSource={imported}
        columns={[
          {
            title: m('colName'),
            dataIndex: 'label',
            render: (label: string, s) => (
              <Space>
                {label}
                {s.id === current && <Tag color="blue">{m('current')}</Tag>}
                {s.memoryRefusal !== null && (
                  // Stored, but too big for the service's heap: the reason (and remedy) on hover.
                  <Tooltip title={s.memoryRefusal}>
                    <Tag color="error" data-testid="dataset-memory-refused">
                      {m('memoryRefused')}
                    </Tag>
                  </Tooltip>
                )}
              </Space>
            ),
          },
          {
            title: m('colCases'),
            dataIndex: 'cases',
            align: 'right',
            render: (n: number | null) => (n === null ? '—' : formatCount(n, locale)),
          },
          {
            title: m('colWhen'),
            dataIndex: 'importedAt',
            render: (at: string | null) => {
              const ms = at === null ? NaN : Date.parse(at);
              return Number.isNaN(ms) ? '—' : formatDateTime(ms, locale);
            },
          },
          { title: m('colWho'), dataIndex: 'importedBy', render: (v: string | null) => v ?? '—' },
          {
            title: m('colActions'),
            key: 'actions',
            render: (_: unknown, s) => (
              <Space>
                <Button
                  size="small"
                  disabled={s.id === current}
                  onClick={() => onUse(s.id)}
                  data-testid={`dataset-use-${s.id}`}
                >
                  {m('choose2')}
                </Button>
                {canDelete && (
                  <Popconfirm
                    title={m('removeConfirm', { name: s.label })}
                    okText={m('remove')}
                    okButtonProps={{ danger: true, 'data-testid': 'dataset-delete-ok' }}
                    onConfirm={() => remove(s)}
                  >
                    <Button
                      size="small"
                      danger
                      loading={busy === s.id}
                      data-testid={`dataset-delete-${s.id}`}
                    >
                      {m('remove')}
                    </Button>
                  </Popconfirm>
                )}
              </Space>
            ),
          },
        ]}
      />
    );
  return (
    <Card title={m('datasets')} data-testid="datasets">
      {body}
    </Card>
  );
}
