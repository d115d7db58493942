import { LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Space, Tag } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { signOut, useMe } from '../api/session';
import { defineMessages } from '../i18n';
import { useRoleName } from '../ui/role-labels';

const useMsg = defineMessages(
  {
    signOut: '退出登录',
    signedInAs: '当前用户',
  },
  {
    signOut: 'Sign out',
    signedInAs: 'Signed in as',
  },
);

/** Who is signed in (name, role, department) and the sign-out button, in the header. */
export function UserMenu() {
  const m = useMsg();
  const roleName = useRoleName();
  const me = useMe();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState(false);
  if (me.data === undefined) return null;
  const { name, role, departmentId } = me.data;

  const leave = async () => {
    setBusy(true);
    // Leave the shell first: its queries and event stream stop, so nothing asks the service
    // without a session (which would answer 401 and redirect with a `next`).
    await navigate('/login', { replace: true });
    // Even if the service cannot be reached the user has left: the cookie is HttpOnly, so the
    // service is the only one that can end the session, and it also expires on its own.
    await signOut().catch(() => undefined);
    // The next user of this tab sees nothing of this one's answers.
    queryClient.clear();
  };

  return (
    <Space size={8} data-testid="user-menu" aria-label={m('signedInAs')}>
      <UserOutlined />
      <span data-testid="user-name">
        {/* An account name is an identifier (latin letters), not a word of the UI language. */}
        <code className="account-name">{name}</code>
      </span>
      <Tag color="geekblue" data-testid="user-role">
        {roleName(role)}
      </Tag>
      {departmentId !== null ? <Tag data-testid="user-department">{departmentId}</Tag> : null}
      <Button
        size="small"
        icon={<LogoutOutlined />}
        loading={busy}
        onClick={() => void leave()}
        data-testid="sign-out"
      >
        {m('signOut')}
      </Button>
    </Space>
  );
}
