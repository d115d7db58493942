import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { ApiRequestError } from '../../api/http';
import { apiKeys } from '../../api/keys';
import { signIn } from '../../api/session';
import { useUnauthorized } from '../../api/unauthorized';
import { defineMessages } from '../../i18n';
import { useApiErrorText } from '../../ui/query-gate';

const useMsg = defineMessages(
  {
    title: '效能督查看板 · 登录',
    name: '用户名',
    password: '密码',
    submit: '登录',
    required: '请输入{field}',
    wrong: '用户名或密码不正确',
    expired: '登录已失效，请重新登录。',
  },
  {
    title: 'Supervision dashboard · Sign in',
    name: 'User name',
    password: 'Password',
    submit: 'Sign in',
    required: 'Please enter your {field}',
    wrong: 'Wrong user name or password',
    expired: 'Your session has ended; please sign in again.',
  },
);

/** Only paths inside the app may be `next` (never another origin). */
function safeNext(raw: string | null): string {
  return raw !== null && raw.startsWith('/') && !raw.startsWith('//') ? raw : '/overview';
}

/** 登录 (/login): name and password to `POST /session`; the service sets an HttpOnly cookie. */
export function SignInPage() {
  const m = useMsg();
  const errorText = useApiErrorText();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const next = safeNext(params.get('next'));

  const submit = async (values: { name: string; password: string }) => {
    setBusy(true);
    setError(null);
    try {
      await signIn(values.name, values.password);
      useUnauthorized.getState().set(false);
      await queryClient.invalidateQueries({ queryKey: apiKeys.all });
      void navigate(next, { replace: true });
    } catch (e) {
      setError(e instanceof ApiRequestError && e.status === 401 ? m('wrong') : errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main style={{ display: 'grid', placeItems: 'center', minHeight: '100vh', padding: 16 }}>
      <Card style={{ width: 360 }} data-testid="sign-in-page">
        <Typography.Title level={4}>{m('title')}</Typography.Title>
        {params.has('next') ? (
          <Alert type="info" showIcon title={m('expired')} style={{ marginBottom: 16 }} />
        ) : null}
        {error !== null ? (
          <Alert
            type="error"
            showIcon
            role="alert"
            title={error}
            style={{ marginBottom: 16 }}
            data-testid="sign-in-error"
          />
        ) : null}
        <Form
          layout="vertical"
          onFinish={(v: { name: string; password: string }) => void submit(v)}
        >
          <Form.Item
            label={m('name')}
            name="name"
            rules={[{ required: true, message: m('required', { field: m('name') }) }]}
          >
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item
            label={m('password')}
            name="password"
            rules={[{ required: true, message: m('required', { field: m('password') }) }]}
          >
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy}>
            {m('submit')}
          </Button>
        </Form>
      </Card>
    </main>
  );
}
