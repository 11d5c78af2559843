/**
 * The qualification timeline: every certificate with its validity, newest first — valid, expired or
 * revoked (struck through). The bureau registers certificates and revokes or restores them.
 */
import { useState } from 'react';
import { App, Button, Card, Empty, Flex, Popconfirm, Tag, Timeline, Typography, type TimelineProps } from 'antd';
import { CheckCircleFilled, ClockCircleOutlined, PlusOutlined, StopOutlined } from '@ant-design/icons';
import { errorMessage, useT, bureauToday } from '@kechuang/platform-web';
import { useSetQualificationStatus } from '../api.ts';
import type { Profile, Qualification } from '../types.ts';
import { QualificationDialog } from './QualificationDialog.tsx';

type State = 'valid' | 'expired' | 'revoked' | 'pending';

function stateOf(q: Qualification, today: string): State {
  if (q.status === 'revoked') return 'revoked';
  if (q.validNow) return 'valid';
  return q.issuedOn > today ? 'pending' : 'expired';
}

const SHOWN = 5;
const COLOURS: Record<State, string> = { valid: 'green', expired: 'gray', revoked: 'red', pending: 'blue' };

export function Qualifications({ profile }: { profile: Profile }) {
  const t = useT();
  const { message } = App.useApp();
  const [isAdding, setAdding] = useState(false);
  const [isAll, setAll] = useState(false);
  const setStatus = useSetQualificationStatus(profile.enterprise.id);
  const today = bureauToday();
  const sorted = [...profile.qualifications].sort((a, b) => b.issuedOn.localeCompare(a.issuedOn) || a.kind.localeCompare(b.kind));

  const toggle = (q: Qualification) =>
    setStatus
      .mutateAsync({ qualificationId: q.id, status: q.status === 'active' ? 'revoked' : 'active' })
      .then(() => message.success(t('common.saved')))
      .catch((e: unknown) => message.error(errorMessage(e)));

  // yearly tech-SME registrations pile up: the newest few, the rest on request
  const shown = isAll ? sorted : sorted.slice(0, SHOWN);
  const items: NonNullable<TimelineProps['items']> = shown.map((q) => {
    const state = stateOf(q, today);
    return {
      key: q.id,
      color: COLOURS[state],
      icon: state === 'valid' ? <CheckCircleFilled /> : state === 'revoked' ? <StopOutlined /> : state === 'pending' ? <ClockCircleOutlined /> : undefined,
      title: <span style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>{q.issuedOn}</span>,
      content: (
        <div data-testid="qualification-item" data-state={state}>
          <Flex gap={8} align="center" wrap>
            <Typography.Text strong delete={state === 'revoked'}>
              {t(`ent.tier.${q.kind}`)}
            </Typography.Text>
            <Tag color={COLOURS[state] === 'gray' ? 'default' : COLOURS[state]}>{t(`ent.qual.state.${state}`)}</Tag>
            {profile.canEdit && (
              <Popconfirm title={q.status === 'active' ? t('ent.qual.revokeConfirm') : t('ent.qual.restoreConfirm')} onConfirm={() => toggle(q)}>
                <Button type="link" size="small" danger={q.status === 'active'} style={{ padding: 0 }}>
                  {q.status === 'active' ? t('ent.qual.revoke') : t('ent.qual.restore')}
                </Button>
              </Popconfirm>
            )}
          </Flex>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('ent.qual.certificateNo')} {q.certificateNo} · {t('ent.qual.validity', { from: q.issuedOn, to: q.validUntil })}
          </Typography.Text>
        </div>
      ),
    };
  });

  return (
    <Card
      title={t('ent.qual.title')}
      size="small"
      style={{ height: '100%' }}
      extra={
        profile.canEdit && (
          <Button size="small" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="qualification-add">
            {t('ent.qual.add')}
          </Button>
        )
      }
      data-testid="qualification-timeline"
    >
      {items.length ? (
        <Timeline mode="start" titleSpan="96px" items={items} style={{ marginTop: 8 }} />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('ent.qual.none')} />
      )}
      {sorted.length > SHOWN && (
        <Button type="link" size="small" onClick={() => setAll(!isAll)} style={{ paddingInline: 0 }}>
          {isAll ? t('ent.qual.showFewer') : t('ent.qual.showAll', { n: sorted.length })}
        </Button>
      )}
      {profile.canEdit && <QualificationDialog enterpriseId={profile.enterprise.id} open={isAdding} onClose={() => setAdding(false)} />}
    </Card>
  );
}
