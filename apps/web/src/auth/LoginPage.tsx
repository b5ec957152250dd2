import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';

import { ApiError } from '../shared/api';
import { api, unwrap } from '../shared/api-client';
import { ME_QUERY } from './session';

interface Credentials {
  username: string;
  password: string;
}

export function LoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const client = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const signIn = async (credentials: Credentials) => {
    setBusy(true);
    setError(null);
    try {
      const me = await unwrap(api.POST('/api/auth/login', { body: credentials }));
      client.setQueryData(ME_QUERY, me);
      const from = (location.state as { from?: string } | null)?.from;
      void navigate(from && from !== '/login' ? from : '/', { replace: true });
    } catch (failure) {
      setError(failure instanceof ApiError ? failure.message : t('error'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card style={{ maxWidth: 400, margin: '64px auto' }}>
      <Typography.Title level={2}>{t('login.title')}</Typography.Title>
      {error && <Alert type="error" message={error} style={{ marginBottom: 16 }} role="alert" />}
      <Form<Credentials> layout="vertical" onFinish={(values) => void signIn(values)} requiredMark={false}>
        <Form.Item
          label={t('login.username')}
          name="username"
          rules={[{ required: true, message: t('login.usernameRequired') }]}
        >
          <Input autoComplete="username" autoFocus />
        </Form.Item>
        <Form.Item
          label={t('login.password')}
          name="password"
          rules={[{ required: true, message: t('login.passwordRequired') }]}
        >
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} block>
          {t('login.submit')}
        </Button>
      </Form>
    </Card>
  );
}
