/** The shell: antd locale and theme, the login page, and every room's pages behind RequireAuth. */
import { Suspense } from 'react';
import { App as AntApp, Button, ConfigProvider, Result, Spin } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import enUS from 'antd/locale/en_US';
import { Link, Navigate, Route, Routes } from 'react-router-dom';
import { AuthProvider, LoginPage, RequireAuth, canSee, useAuth, useLang, useT, type RoomRoute } from '@kechuang/platform-web';
import { AppLayout } from './AppLayout.tsx';
import { roomRoutes } from './rooms.ts';

const theme = {
  token: {
    colorPrimary: '#1664d9',
    borderRadius: 6,
    fontFamily: '-apple-system, BlinkMacSystemFont, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "Noto Sans SC", "Helvetica Neue", Arial, sans-serif',
  },
};

function PageFallback() {
  return (
    <div style={{ display: 'grid', placeItems: 'center', minHeight: 320 }}>
      <Spin />
    </div>
  );
}

function Guarded({ route }: { route: RoomRoute }) {
  const { user } = useAuth();
  const t = useT();
  if (!canSee(route, user?.role)) return <BackHomeResult status="403" subTitle={t('common.forbidden')} />;
  const Page = route.component;
  return (
    <Suspense fallback={<PageFallback />}>
      <Page />
    </Suspense>
  );
}

function Home() {
  const { user } = useAuth();
  const first = roomRoutes.find((r) => !r.hideInMenu && canSee(r, user?.role));
  const t = useT();
  if (first) return <Navigate to={first.path} replace />;
  return <Result status="403" title={t('common.forbidden')} />;
}

function NotFound() {
  const t = useT();
  return <BackHomeResult status="404" subTitle={t('common.notFound')} />;
}

function BackHomeResult({ status, subTitle }: { status: '403' | '404'; subTitle: string }) {
  const t = useT();
  return (
    <Result
      status={status}
      title={status}
      subTitle={subTitle}
      extra={
        <Link to="/">
          <Button type="primary">{t('common.backHome')}</Button>
        </Link>
      }
    />
  );
}

export function App() {
  const lang = useLang();
  return (
    <ConfigProvider locale={lang === 'en' ? enUS : zhCN} theme={theme}>
      <AntApp>
        <AuthProvider>
          <Routes>
            <Route path="/login" element={<LoginPage />} />
            {roomRoutes
              .filter((r) => r.fullScreen)
              .map((r) => (
                <Route
                  key={r.key}
                  path={r.path}
                  element={
                    <RequireAuth>
                      <Guarded route={r} />
                    </RequireAuth>
                  }
                />
              ))}
            <Route
              element={
                <RequireAuth>
                  <AppLayout routes={roomRoutes} />
                </RequireAuth>
              }
            >
              <Route index element={<Home />} />
              {roomRoutes
                .filter((r) => !r.fullScreen)
                .map((r) => (
                  <Route key={r.key} path={r.path} element={<Guarded route={r} />} />
                ))}
              <Route path="*" element={<NotFound />} />
            </Route>
          </Routes>
        </AuthProvider>
      </AntApp>
    </ConfigProvider>
  );
}
