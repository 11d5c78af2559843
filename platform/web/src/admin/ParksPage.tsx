/** 园区管理: the parks the bureau defines under its district (reporting units beside towns). */
import { useState } from 'react';
import { Alert, App, Button, Card, Form, Input, Space, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { api, errorMessage } from '../api.ts';
import { useT } from '../i18n.ts';
import { PageHeader } from '../PageHeader.tsx';
import { useUnits, type Region } from '../regions.ts';

export function ParksPage() {
  const t = useT();
  const { message } = App.useApp();
  const units = useUnits();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ code: string; name: string }>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const district = units.data?.district;
  const parks = (units.data?.units ?? []).filter((u) => u.kind === 'park');

  async function save(values: { code: string; name: string }) {
    setSaving(true);
    setError(null);
    try {
      await api.put<Region>(`/api/regions/parks/${encodeURIComponent(values.code.trim())}`, { name: values.name.trim() });
      message.success(t('parks.saved'));
      form.setFieldsValue({ code: '', name: '' });
      await queryClient.invalidateQueries({ queryKey: ['regions'] });
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  }

  return (
    <>
      <PageHeader title={t('parks.title')} subtitle={t('parks.subtitle')} />
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Card size="small" title={t('parks.add')}>
          <Form form={form} layout="inline" onFinish={save} initialValues={{ code: district ? `${district.code}P0${parks.length + 1}` : '' }}>
            <Form.Item
              name="code"
              label={t('parks.code')}
              rules={[{ required: true, pattern: /^\d{6}P\d{2}$/, message: t('parks.codeHint', { district: district?.code ?? '330211' }) }]}
            >
              <Input style={{ width: 150 }} placeholder={`${district?.code ?? '330211'}P02`} />
            </Form.Item>
            <Form.Item name="name" label={t('parks.name')} rules={[{ required: true, min: 2, message: t('parks.nameHint') }]}>
              <Input style={{ width: 260 }} />
            </Form.Item>
            <Button type="primary" htmlType="submit" icon={<PlusOutlined />} loading={saving}>
              {t('parks.save')}
            </Button>
          </Form>
          {error && <Alert style={{ marginTop: 12 }} type="error" showIcon message={error} />}
        </Card>
        <Card size="small">
          <Table<Region>
            rowKey="code"
            size="small"
            loading={units.isLoading}
            dataSource={parks}
            pagination={false}
            columns={[
              { title: t('parks.code'), dataIndex: 'code', width: 160 },
              { title: t('parks.name'), dataIndex: 'name' },
              { title: t('parks.parent'), key: 'parent', render: () => <Tag>{district?.name}</Tag> },
              {
                key: 'rename',
                width: 100,
                render: (_: unknown, p) => (
                  <Button size="small" onClick={() => form.setFieldsValue({ code: p.code, name: p.name })}>
                    {t('parks.rename')}
                  </Button>
                ),
              },
            ]}
          />
        </Card>
      </Space>
    </>
  );
}
