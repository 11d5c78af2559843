/** Side menu built from the rooms' routes (only what the role may open), header with the user. */
import { useEffect, useMemo, useState } from 'react';
import { Avatar, Breadcrumb, Dropdown, Flex, Layout, Menu, Tag, Typography, type MenuProps } from 'antd';
import { EnvironmentOutlined, KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Link, Outlet, useLocation, useNavigate } from 'react-router-dom';
import {
  ChangePasswordDialog,
  DemoNotice,
  LangSwitch,
  TodoBell,
  NotificationBell,
  UnsavedChangesGuard,
  canSee,
  useAuth,
  useCurrentBreadcrumbName,
  useCurrentUser,
  useT,
  type RoomRoute,
} from '@kechuang/platform-web';

type MenuItem = Required<MenuProps>['items'][number];

function useMenuItems(routes: RoomRoute[]): MenuItem[] {
  const t = useT();
  const user = useCurrentUser();
  return useMemo(() => {
    const items: MenuItem[] = [];
    const groups = new Map<string, MenuItem[]>();
    for (const r of routes) {
      if (r.hideInMenu || !canSee(r, user.role)) continue;
      const item: MenuItem = {
        key: r.key,
        icon: r.icon,
        label: (
          <Link to={r.path} data-testid={`nav-${r.key}`}>
            {t(r.labelKey)}
          </Link>
        ),
      };
      if (!r.groupKey) {
        items.push(item);
        continue;
      }
      let children = groups.get(r.groupKey);
      if (!children) {
        children = [];
        groups.set(r.groupKey, children);
        items.push({ type: 'group', key: r.groupKey, label: t(r.groupKey), children });
      }
      children.push(item);
    }
    return items;
  }, [routes, user.role, t]);
}

function UserMenu({ onChangePassword }: { onChangePassword: () => void }) {
  const t = useT();
  const user = useCurrentUser();
  const { logout } = useAuth();
  const navigate = useNavigate();
  const items: MenuProps['items'] = [
    { key: 'password', icon: <KeyOutlined />, label: t('header.changePassword'), onClick: onChangePassword },
    { type: 'divider' },
    {
      key: 'logout',
      icon: <LogoutOutlined />,
      label: <span data-testid="logout">{t('header.logout')}</span>,
      onClick: () => void logout().then(() => navigate('/login')),
    },
  ];
  return (
    <Dropdown menu={{ items }} placement="bottomRight" trigger={['click']}>
      <Flex align="center" gap={8} style={{ cursor: 'pointer', lineHeight: 1.3 }} data-testid="user-menu">
        <Avatar style={{ background: '#1664d9' }} icon={<UserOutlined />} />
        <div>
          <div style={{ fontWeight: 500 }}>{user.displayName || user.username}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t(`role.${user.role}`)}
          </Typography.Text>
        </div>
      </Flex>
    </Dropdown>
  );
}

export function AppLayout({ routes }: { routes: RoomRoute[] }) {
  const t = useT();
  const user = useCurrentUser();
  const location = useLocation();
  const [collapsed, setCollapsed] = useState(false);
  const [isPasswordOpen, setPasswordOpen] = useState(false);
  const items = useMenuItems(routes);
  const pageName = useCurrentBreadcrumbName();
  // the page's own route, else the deepest route it lies under (/market/mine is 我的发布, not 技术市场 at /market)
  const current =
    routes.find((r) => location.pathname === r.path) ??
    routes.filter((r) => location.pathname.startsWith(r.path + '/')).sort((a, b) => b.path.length - a.path.length)[0];

  useEffect(() => {
    document.title = current ? `${t(current.labelKey)} · ${t('app.title')}` : `${t('app.title')} · ${t('app.subtitle')}`;
  }, [current, t]);

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <UnsavedChangesGuard />
      <Layout.Sider
        collapsible
        collapsed={collapsed}
        onCollapse={setCollapsed}
        width={216}
        theme="dark"
        style={{ position: 'sticky', top: 0, height: '100vh', overflow: 'auto' }}
      >
        <Link to="/" style={{ display: 'flex', alignItems: 'center', gap: 10, height: 64, padding: collapsed ? '0 24px' : '0 20px', color: '#fff' }}>
          <img src="/favicon.svg" alt="" width={30} height={30} />
          {!collapsed && (
            <div style={{ lineHeight: 1.2 }}>
              <div style={{ fontSize: 18, fontWeight: 600 }}>{t('app.title')}</div>
              <div style={{ fontSize: 11, opacity: 0.65, whiteSpace: 'nowrap' }}>{t('nav.tagline')}</div>
            </div>
          )}
        </Link>
        {/* room at the bottom for the collapse bar, which would otherwise cover the last entry (审计日志 at 1440×900) */}
        <Menu theme="dark" mode="inline" selectedKeys={current ? [current.key] : []} items={items} style={{ paddingBottom: 56 }} />
      </Layout.Sider>
      <Layout>
        <Layout.Header
          style={{
            background: '#fff',
            padding: '0 24px',
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'space-between',
            borderBottom: '1px solid #f0f0f0',
            position: 'sticky',
            top: 0,
            zIndex: 10,
          }}
        >
          <Breadcrumb
            items={[
              { title: t('app.title') },
              ...(current?.groupKey ? [{ title: t(current.groupKey) }] : []),
              ...(current ? [{ title: t(current.labelKey) }] : []),
              // a page about one thing (an enterprise's profile) adds its name
              ...(pageName ? [{ title: <span data-testid="breadcrumb-name">{pageName}</span> }] : []),
            ]}
          />
          <Flex align="center" gap={20}>
            {/* an enterprise user's scope is their enterprise, not a region: no region tag */}
            {user.scope.kind === 'region' && (
              <Tag icon={<EnvironmentOutlined />} color="blue" style={{ marginInlineEnd: 0 }} data-testid="user-region">
                {user.scope.regionName}
              </Tag>
            )}
            <TodoBell />
            <NotificationBell />
            <LangSwitch />
            <UserMenu onChangePassword={() => setPasswordOpen(true)} />
          </Flex>
        </Layout.Header>
        <Layout.Content style={{ padding: 24, minWidth: 0 }}>
          <DemoNotice />
          <Outlet />
        </Layout.Content>
      </Layout>
      <ChangePasswordDialog open={isPasswordOpen} onClose={() => setPasswordOpen(false)} />
    </Layout>
  );
}
