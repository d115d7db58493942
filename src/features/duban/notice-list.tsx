import { Table, Tag } from 'antd';
import { noticePath } from '../../state/id-links';
import { Link } from 'react-router';
import type { NoticeItem } from '../../contract/duban';
import { intlLocale, useLocaleStore } from '../../i18n';
import { NOTICE_STATE_COLOR, useDubanLabels } from '../../ui/duban/duban-labels';
import { formatDateTime } from '../../ui/format';
import { useDubanMsg } from './duban-messages';

/** A table of notices: number (opens it), department, state, deadline, cases, issued. */
export function NoticeList({ notices, testId }: { notices: NoticeItem[]; testId: string }) {
  const m = useDubanMsg();
  const l = useDubanLabels();
  const locale = intlLocale(useLocaleStore((s) => s.locale));
  return (
    <Table<NoticeItem>
      size="small"
      rowKey="id"
      data-testid={testId}
      dataSource={notices}
      pagination={notices.length > 20 ? { pageSize: 20 } : false}
      locale={{ emptyText: m('emptyKind') }}
      columns={[
        {
          key: 'number',
          title: m('col.number'),
          render: (_, n) => (
            <Link to={noticePath(n.id)} data-testid="notice-link">
              {n.number}
            </Link>
          ),
        },
        { key: 'dept', title: m('col.department'), dataIndex: 'departmentName' },
        {
          key: 'state',
          title: m('col.state'),
          render: (_, n) => <Tag color={NOTICE_STATE_COLOR[n.state]}>{l(`state.${n.state}`)}</Tag>,
        },
        { key: 'due', title: m('col.dueOn'), dataIndex: 'dueOn' },
        { key: 'cases', title: m('col.cases'), render: (_, n) => n.caseIds.length },
        {
          key: 'issued',
          title: m('col.issuedAt'),
          render: (_, n) => formatDateTime(Date.parse(n.issuedAt), locale),
        },
      ]}
    />
  );
}
