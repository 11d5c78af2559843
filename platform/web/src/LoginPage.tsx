/** 科创 · 区科技局创新治理平台 — the sign-in page. */
import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { errorMessage } from './api.ts';
import { useAuth } from './auth.tsx';
import { useT } from './i18n.ts';
import { LangSwitch } from './LangSwitch.tsx';

interface LoginForm {
  username: string;
  password: string;
}

const FEATURES = ['login.feature1', 'login.feature2', 'login.feature3'];

/** only same-site paths may be a redirect target */
const safeNext = (next: string | null) => (next && next.startsWith('/') && !next.startsWith('//') ? next : '/');

export function LoginPage() {
  const t = useT();
  const { user, login } = useAuth();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [error, setError] = useState<string | null>(null);
  const [isSubmitting, setSubmitting] = useState(false);

  if (user) return <Navigate to={safeNext(params.get('next'))} replace />;

  const onFinish = async (values: LoginForm) => {
    setSubmitting(true);
    setError(null);
    try {
      await login(values.username.trim(), values.password);
      void navigate(safeNext(params.get('next')), { replace: true });
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <div style={styles.page}>
      <div style={styles.brand}>
        <div style={styles.logo}>科</div>
        <Typography.Title level={1} style={{ color: '#fff', margin: '24px 0 8px', fontSize: 44 }}>
          {t('app.title')}
        </Typography.Title>
        <Typography.Paragraph style={{ color: 'rgba(255,255,255,0.88)', fontSize: 20, marginBottom: 40 }}>{t('app.subtitle')}</Typography.Paragraph>
        {FEATURES.map((key) => (
          <div key={key} style={styles.feature}>
            <span style={styles.featureDot} />
            {t(key)}
          </div>
        ))}
      </div>
      <div style={styles.formSide}>
        <div style={{ position: 'absolute', top: 24, right: 32 }}>
          <LangSwitch />
        </div>
        <Card style={{ width: 380, boxShadow: '0 8px 32px rgba(0,40,100,0.08)' }} variant="borderless">
          <Typography.Title level={3} style={{ marginTop: 0 }}>
            {t('app.title')} · {t('login.title')}
          </Typography.Title>
          <Typography.Paragraph type="secondary">{t('app.subtitle')}</Typography.Paragraph>
          {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="login-error" />}
          <Form<LoginForm> layout="vertical" size="large" onFinish={onFinish} requiredMark={false}>
            <Form.Item name="username" label={t('login.username')} rules={[{ required: true, message: t('login.required', { field: t('login.username') }) }]}>
              <Input prefix={<UserOutlined />} autoComplete="username" autoFocus data-testid="login-username" />
            </Form.Item>
            <Form.Item name="password" label={t('login.password')} rules={[{ required: true, message: t('login.required', { field: t('login.password') }) }]}>
              <Input.Password prefix={<LockOutlined />} autoComplete="current-password" data-testid="login-password" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={isSubmitting} data-testid="login-submit">
              {t('login.submit')}
            </Button>
          </Form>
          <Typography.Paragraph type="secondary" style={{ marginTop: 20, marginBottom: 0, fontSize: 12 }}>
            {t('login.hint')}
          </Typography.Paragraph>
        </Card>
      </div>
    </div>
  );
}

const styles = {
  page: { display: 'flex', minHeight: '100vh', background: '#f5f7fa' },
  brand: {
    flex: '0 0 46%',
    padding: '12vh 6vw',
    color: '#fff',
    background: 'linear-gradient(135deg, #0b3d91 0%, #1664d9 55%, #2f9bff 100%)',
  },
  logo: {
    width: 64,
    height: 64,
    borderRadius: 16,
    background: 'rgba(255,255,255,0.16)',
    border: '1px solid rgba(255,255,255,0.4)',
    display: 'grid',
    placeItems: 'center',
    fontSize: 32,
    fontWeight: 700,
  },
  feature: { display: 'flex', alignItems: 'center', gap: 12, fontSize: 16, marginBottom: 14, color: 'rgba(255,255,255,0.92)' },
  featureDot: { width: 8, height: 8, borderRadius: 4, background: '#52c41a', boxShadow: '0 0 0 3px rgba(82,196,26,0.25)' },
  formSide: { flex: 1, display: 'grid', placeItems: 'center', position: 'relative' as const, padding: 24 },
} satisfies Record<string, React.CSSProperties>;
