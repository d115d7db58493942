import { Link } from 'react-router';
import { defineMessages } from '../i18n';
import { StatusResult } from './status-result';

const useMsg = defineMessages(
  { title: '无权访问此页面', body: '您的角色不能使用此页面。', back: '返回总览' },
  {
    title: 'You cannot open this page',
    body: 'Your role does not give access to this page.',
    back: 'Back to the overview',
  },
);

/** A menu page the signed-in role may not use (e.g. settings for a liaison). */
export function Forbidden() {
  const m = useMsg();
  return (
    <StatusResult
      status="403"
      title={m('title')}
      subTitle={m('body')}
      data-testid="page-forbidden"
      extra={<Link to="/overview">{m('back')}</Link>}
    />
  );
}
