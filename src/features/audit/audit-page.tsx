import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, DatePicker, Input, Select, Space, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { AUDIT_PAGE_SIZE, auditExportUrl, useAudit, type AuditFilter } from '../../api/audit';
import { AUDIT_ACTION_VALUES, type AuditItem } from '../../contract/auth';
import { intlLocale, useLocaleStore } from '../../i18n';
import { useRoleName } from '../../ui/role-labels';
import { formatCount, formatDateTime } from '../../ui/format';
import { AUDIT_DETAIL_KEYS, useAuditMsg } from './audit-messages';

const NO_FILTER: AuditFilter = { user: null, action: null, from: null, to: null };

const isDetailKey = (k: string): k is (typeof AUDIT_DETAIL_KEYS)[number] =>
  (AUDIT_DETAIL_KEYS as readonly string[]).includes(k);

/**
 * Detail as one line a person can read: `label：value` pairs, labels in the UI language, values
 * as recorded (routes, ids, JSON) marked as code — they are data, not words of the interface.
 */
function DetailCell({ detail }: { detail: Record<string, unknown> }) {
  const m = useAuditMsg();
  return (
    <>
      {Object.entries(detail).map(([k, v], i) => (
        <span key={k}>
          {i > 0 ? ' · ' : null}
          {isDetailKey(k) ? m(`detail.${k}`) : <code className="account-name">{k}</code>}
          {m('detailSeparator')}
          <code className="account-name">{typeof v === 'string' ? v : JSON.stringify(v)}</code>
        </span>
      ))}
    </>
  );
}

/**
 * 审计日志 (administrators): every sign-in, export, settings and user change, import and 督办
 * action, newest first, filtered and paged by the service; the CSV holds every matching row.
 * Read-only by design: nothing here (or anywhere) changes or deletes a row.
 */
export function AuditPage() {
  const m = useAuditMsg();
  const roleName = useRoleName();
  const locale = intlLocale(useLocaleStore((s) => s.locale));
  const [filter, setFilter] = useState<AuditFilter>(NO_FILTER);
  const [page, setPage] = useState(1);
  const query = useAudit(filter, page);
  const change = (next: Partial<AuditFilter>) => {
    setFilter((f) => ({ ...f, ...next }));
    setPage(1);
  };
  const onRange = (range: [Dayjs | null, Dayjs | null] | null) =>
    change({
      from: range?.[0]?.format('YYYY-MM-DD') ?? null,
      // The service's `to` is exclusive: the day after the last day chosen.
      to: range?.[1]?.add(1, 'day').format('YYYY-MM-DD') ?? null,
    });
  const roleText = (role: string | null) => roleName(role, role ?? '—');

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="audit-page">
      <Typography.Paragraph type="secondary">{m('intro')}</Typography.Paragraph>
      <Space wrap>
        <Input.Search
          allowClear
          aria-label={m('user')}
          placeholder={m('user')}
          style={{ width: 200 }}
          onSearch={(v) => change({ user: v.trim() === '' ? null : v.trim() })}
          data-testid="audit-user"
        />
        <Select
          allowClear
          aria-label={m('action')}
          placeholder={m('action')}
          style={{ width: 200 }}
          value={filter.action ?? undefined}
          onChange={(v: string | undefined) => change({ action: v ?? null })}
          options={AUDIT_ACTION_VALUES.map((a) => ({ value: a, label: m(`action.${a}`) }))}
          data-testid="audit-action"
        />
        <DatePicker.RangePicker
          aria-label={m('range')}
          onChange={(r) => onRange(r)}
          data-testid="audit-range"
        />
        <Button
          icon={<DownloadOutlined />}
          href={auditExportUrl(filter)}
          download
          disabled={(query.data?.total ?? 0) === 0}
          data-testid="audit-export"
        >
          {m('export', { n: formatCount(query.data?.total ?? 0, locale) })}
        </Button>
      </Space>
      {query.isError ? (
        <Alert type="error" showIcon title={m('error')} data-testid="audit-error" />
      ) : (
        <Table<AuditItem>
          size="small"
          rowKey="id"
          loading={query.isFetching}
          dataSource={query.data?.items ?? []}
          locale={{ emptyText: m('empty') }}
          data-testid="audit-table"
          pagination={{
            current: page,
            pageSize: AUDIT_PAGE_SIZE,
            total: query.data?.total ?? 0,
            showSizeChanger: false,
            showTotal: (total) => m('total', { n: formatCount(total, locale) }),
            onChange: setPage,
          }}
          columns={[
            {
              key: 'at',
              title: m('col.at'),
              width: 150,
              render: (_, r) => formatDateTime(Date.parse(r.at), locale),
            },
            {
              key: 'user',
              title: m('col.user'),
              width: 140,
              render: (_, r) => <code className="account-name">{r.userName}</code>,
            },
            { key: 'role', title: m('col.role'), width: 110, render: (_, r) => roleText(r.role) },
            { key: 'address', title: m('col.address'), dataIndex: 'address', width: 130 },
            {
              key: 'action',
              title: m('col.action'),
              width: 130,
              render: (_, r) => m(`action.${r.action}`),
            },
            {
              key: 'detail',
              title: m('col.detail'),
              ellipsis: { showTitle: true },
              render: (_, r) => <DetailCell detail={r.detail} />,
            },
          ]}
        />
      )}
    </Space>
  );
}
