import { Table, Tag } from 'antd';
import { Link } from 'react-router';
import type { NoticeItem } from '../../contract/duban';
import { casePath } from '../../state/id-links';
import { FlagReason } from '../../ui/flag-reason';
import { useSlowActionText } from '../../ui/slow-action-text';
import { useDubanMsg } from './duban-messages';

/**
 * The slow-action flags a notice covers, with the evidence as it stood when issued. A revoked
 * notice's flags no longer count in any figure (docs/duban.md), and say so.
 */
export function NoticeFlags({ notice }: { notice: NoticeItem }) {
  const m = useDubanMsg();
  const w = useSlowActionText();
  const revoked = notice.state === 'revoked';
  return (
    <Table
      size="small"
      rowKey={(f) => `${f.rule}:${f.caseId}`}
      pagination={false}
      dataSource={notice.flags}
      data-testid="notice-flags"
      columns={[
        {
          key: 'case',
          title: m('printCaseId'),
          width: 200,
          render: (_, f) => <Link to={casePath(f.caseId)}>{f.caseId}</Link>,
        },
        {
          key: 'rule',
          title: m('flagRule'),
          width: 120,
          render: (_, f) => <Tag color="orange">{w.ruleName(f.rule)}</Tag>,
        },
        { key: 'since', title: m('flagSince'), width: 110, render: (_, f) => f.since },
        {
          key: 'evidence',
          title: m('flagEvidence'),
          render: (_, f) => <FlagReason code={f.rule} evidence={f.evidence} />,
        },
        {
          key: 'state',
          title: m('flagState'),
          width: 90,
          render: () => <Tag>{revoked ? m('flagRevoked') : m('flagCounts')}</Tag>,
        },
      ]}
    />
  );
}
