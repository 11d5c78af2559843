/**
 * An enterprise's master data as descriptions; the bureau edits all of it, the enterprise its contacts. 拥有核心知识产权
 * shows the judgement the HNTE check used (recorded, or inferred from the IP register), so the two never disagree.
 */
import { useState } from 'react';
import { Button, Card, Descriptions, Tag, type DescriptionsProps } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { formatDateTime, useT } from '@kechuang/platform-web';
import { useChains } from '../api.ts';
import { wan } from '../format.ts';
import type { Profile } from '../types.ts';
import { ContactsDialog } from './ContactsDialog.tsx';
import { CoreIpValue } from './CoreIpValue.tsx';
import { EnterpriseDrawer } from './EnterpriseDrawer.tsx';

export function MasterData({ profile }: { profile: Profile }) {
  const t = useT();
  const chains = useChains();
  const [isEditing, setEditing] = useState(false);
  const [isEditingContacts, setEditingContacts] = useState(false);
  const e = profile.enterprise;
  const yesNo = (b: boolean | null) => (b === null ? <Tag>{t('ent.unknown')}</Tag> : b ? t('common.yes') : t('common.no'));
  const chainName = (code: string) => chains.data?.items.find((c) => c.code === code)?.name ?? code;

  const items: DescriptionsProps['items'] = [
    { key: 'uscc', label: t('ent.field.uscc'), children: <span style={{ fontFamily: 'monospace', whiteSpace: 'nowrap' }}>{e.uscc}</span> },
    { key: 'region', label: t('ent.field.region'), children: e.regionName },
    { key: 'foundedOn', label: t('ent.field.foundedOn'), children: e.foundedOn ?? '—' },
    {
      key: 'capital',
      label: t('ent.field.registeredCapital'),
      children: e.registeredCapital === null ? '—' : `${wan(e.registeredCapital)} ${t('ent.unit.wan')}`,
    },
    { key: 'industry', label: t('ent.field.industryCode'), children: e.industryCode ?? '—' },
    { key: 'field', label: t('ent.field.hnteField'), children: e.hnteField ? t(`ent.hnteField.${e.hnteField}`) : '—' },
    { key: 'chains', label: t('ent.field.chainTags'), children: e.chainTags.length ? e.chainTags.map((c) => <Tag key={c}>{chainName(c)}</Tag>) : '—' },
    { key: 'aboveScale', label: t('ent.field.aboveScale'), children: yesNo(e.isAboveScale) },
    { key: 'listed', label: t('ent.field.listed'), children: yesNo(e.isListed) },
    // the judgement the HNTE check used, not only what was recorded: one value everywhere (issue 14 item 4)
    { key: 'coreIp', label: t('ent.field.ownsCoreIp'), children: <CoreIpValue coreIp={profile.coreIp} testId="master-core-ip" /> },
    { key: 'incidents', label: t('ent.field.incidentsShort'), children: yesNo(e.incidents) },
    { key: 'address', label: t('ent.field.address'), span: 2, children: e.address || '—' },
    { key: 'contact', label: t('ent.field.contact'), span: 2, children: [e.contactName, e.contactPhone, e.contactEmail].filter(Boolean).join(' · ') || '—' },
    { key: 'updatedAt', label: t('ent.field.updatedAt'), children: formatDateTime(e.updatedAt) },
  ];

  const extra = profile.canEdit ? (
    <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="master-edit">
      {t('ent.master.edit')}
    </Button>
  ) : profile.canSelfReport ? (
    <Button size="small" icon={<EditOutlined />} onClick={() => setEditingContacts(true)} data-testid="contacts-edit">
      {t('ent.contacts.edit')}
    </Button>
  ) : null;

  return (
    <Card title={t('ent.master.title')} size="small" extra={extra} data-testid="master-data">
      <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }} items={items} />
      {profile.canEdit && <EnterpriseDrawer open={isEditing} enterprise={e} onClose={() => setEditing(false)} />}
      {profile.canSelfReport && <ContactsDialog open={isEditingContacts} enterprise={e} onClose={() => setEditingContacts(false)} />}
    </Card>
  );
}
