/** 用户管理: every account, with role and region filters, create and edit. */
import { useMemo, useState } from 'react';
import { Badge, Button, Select, Tag, type TableColumnsType } from 'antd';
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { DataTable } from '../DataTable.tsx';
import { formatDateTime } from '../format.ts';
import { useLang, useT } from '../i18n.ts';
import { PageHeader } from '../PageHeader.tsx';
import { useUnits } from '../regions.ts';
import { isPlatformRole, PLATFORM_ROLES, type Role } from '../roles.ts';
import { useBoundKinds } from './bound-kinds.ts';
import type { UserRow } from './types.ts';
import { UserDialog } from './UserDialog.tsx';

const ROLE_COLOURS: Record<string, string> = { bureauAdmin: 'magenta', bureauStaff: 'blue', leader: 'gold', townOfficer: 'green' };
/** the rooms' bound roles, coloured in the order the server lists their kinds */
const BOUND_COLOURS = ['default', 'cyan', 'purple', 'lime', 'orange', 'geekblue', 'volcano'];

export function UsersPage() {
  const t = useT();
  const units = useUnits();
  const lang = useLang();
  const kinds = useBoundKinds();
  const [regionCode, setRegionCode] = useState<string | undefined>();
  const [editing, setEditing] = useState<{ user: UserRow | null } | null>(null);

  const columns = useMemo<TableColumnsType<UserRow>>(
    () => [
      { title: t('users.username'), dataIndex: 'username', sorter: true },
      { title: t('users.displayName'), dataIndex: 'displayName', sorter: true },
      {
        title: t('users.role'),
        dataIndex: 'role',
        sorter: true,
        filters: [...PLATFORM_ROLES, ...(kinds.data ?? []).map((k) => k.role)].map((r) => ({ text: t(`role.${r}`), value: r })),
        filterMultiple: false,
        render: (role: Role) => {
          const bound = (kinds.data ?? []).findIndex((k) => k.role === role);
          return <Tag color={isPlatformRole(role) ? ROLE_COLOURS[role] : (BOUND_COLOURS[bound % BOUND_COLOURS.length] ?? 'default')}>{t(`role.${role}`)}</Tag>;
        },
      },
      {
        title: t('users.boundTo'),
        key: 'boundTo',
        render: (_: unknown, u) => {
          if (!u.boundKind) return '—';
          const kind = kinds.data?.find((k) => k.kind === u.boundKind);
          const label = kind ? (lang === 'en' ? kind.label.en : kind.label.zh) : '';
          return `${label}${label ? ' · ' : ''}${u.boundName ?? '—'}`;
        },
      },
      { title: t('users.region'), dataIndex: 'regionCode', sorter: true, render: (_: unknown, u) => u.regionName ?? u.regionCode ?? '—' },
      {
        title: t('users.isActive'),
        dataIndex: 'isActive',
        sorter: true,
        render: (active: boolean) => <Badge status={active ? 'success' : 'default'} text={active ? t('users.active') : t('users.inactive')} />,
      },
      { title: t('users.createdAt'), dataIndex: 'createdAt', sorter: true, render: formatDateTime },
      {
        title: t('common.actions'),
        key: 'actions',
        width: 100,
        render: (_: unknown, u) => (
          <Button type="link" icon={<EditOutlined />} onClick={() => setEditing({ user: u })}>
            {t('common.edit')}
          </Button>
        ),
      },
    ],
    [t, lang, kinds.data],
  );

  return (
    <>
      <PageHeader title={t('users.title')} subtitle={t('users.subtitle')} />
      <DataTable<UserRow>
        url="/api/users"
        rowKey="id"
        columns={columns}
        params={{ regionCode }}
        defaultSort={{ field: 'username', order: 'ascend' }}
        searchPlaceholder={t('users.searchPlaceholder')}
        filters={
          <Select
            allowClear
            placeholder={t('users.region')}
            style={{ width: 200 }}
            value={regionCode}
            onChange={setRegionCode}
            options={[
              ...(units.data ? [{ value: units.data.district.code, label: units.data.district.name }] : []),
              ...(units.data?.units ?? []).map((u) => ({ value: u.code, label: u.name })),
            ]}
          />
        }
        actions={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ user: null })}>
            {t('users.create')}
          </Button>
        }
      />
      <UserDialog open={!!editing} user={editing?.user ?? null} onClose={() => setEditing(null)} />
    </>
  );
}
