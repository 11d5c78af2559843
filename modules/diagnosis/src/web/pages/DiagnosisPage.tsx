/**
 * 科技体检 (/evaluation/diagnosis/:id): one enterprise among its peers — the peer group, a radar of its
 * percentiles against the peers' median (50 on every axis), each indicator's value, quartiles, percentile and
 * verdict, strengths and weaknesses, the advice; the Excel export, and 打印/导出PDF (window.print(); Chromium
 * saves it as PDF) with a print stylesheet that hides the menu, the header and the page's buttons.
 */
import { useMemo, useState } from 'react';
import { Alert, Button, Card, Col, Descriptions, Flex, Result, Row, Select, Spin, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router-dom';
import { ExportButton, ApiError, PageHeader, errorMessage, formatNumber, useT } from '@kechuang/platform-web';
import { diagnosisUrl, useDiagnosis, type DiagnosisIndicator, type DiagnosisReport } from '../api.ts';
import { DiagnosisRadar } from '../components/DiagnosisRadar.tsx';
import '../messages.ts';

const PRINT_CSS = `@media print {
  .ant-layout-sider, .ant-layout-header, .dx-no-print { display: none !important; }
  .ant-layout-content { padding: 0 !important; }
  .dx-card { break-inside: avoid; }
  @page { size: A4; margin: 12mm; }
}`;

const VERDICT_COLORS: Record<DiagnosisIndicator['verdict'], string> = {
  strength: 'green',
  weakness: 'red',
  typical: 'blue',
  missing: 'default',
  insufficient: 'default',
};

function figure(x: number | null, unit: string): string {
  if (x === null) return '—';
  if (unit === '%') return `${formatNumber(x, 1)}%`;
  return formatNumber(x, Number.isInteger(x) ? 0 : 1);
}

function Header({ d, year, setYear }: { d: DiagnosisReport | undefined; year: number | undefined; setYear: (y: number) => void }) {
  const t = useT();
  const id = Number(useParams().id);
  return (
    <PageHeader
      title={`${t('dx.title')}${d ? ` · ${d.enterprise.name}` : ''}`}
      subtitle={
        d &&
        `${d.enterprise.uscc} · ${d.enterprise.regionName}${d.enterprise.industryCode ? ` · ${d.enterprise.industryCode}` : ''}${d.year ? ` · ${d.year}` : ''}`
      }
      extra={
        <span className="dx-no-print" style={{ display: 'contents' }}>
          <Link to={`/enterprises/${id}`}>
            <Button icon={<ArrowLeftOutlined />}>{t('dx.back')}</Button>
          </Link>
          {d && d.years.length > 0 && (
            <Select
              aria-label={t('dx.year')}
              data-testid="diagnosis-year"
              value={year ?? d.year ?? undefined}
              onChange={setYear}
              style={{ width: 110 }}
              options={d.years.map((y) => ({ value: y, label: String(y) }))}
            />
          )}
          {d?.year && <ExportButton url={`${diagnosisUrl(id)}/export`} query={{ year: d.year }} testId="diagnosis-export" />}
          {d && (
            <Button icon={<PrinterOutlined />} onClick={() => window.print()} data-testid="diagnosis-print">
              {t('dx.print')}
            </Button>
          )}
        </span>
      }
    />
  );
}

function IndicatorTable({ d }: { d: DiagnosisReport }) {
  const t = useT();
  const columns = useMemo<TableColumnsType<DiagnosisIndicator>>(
    () => [
      {
        title: t('dx.indicator'),
        dataIndex: 'code',
        render: (c: string, r) => (
          <span>
            {t(`dx.ind.${c}`)}
            {r.unit !== '%' && <Typography.Text type="secondary">（{r.unit}）</Typography.Text>}
          </span>
        ),
      },
      { title: t('dx.value'), dataIndex: 'value', align: 'right', render: (v: number | null, r) => <b>{figure(v, r.unit)}</b> },
      { title: t('dx.q1'), dataIndex: 'q1', align: 'right', render: (v: number | null, r) => figure(v, r.unit) },
      { title: t('dx.medianCol'), dataIndex: 'median', align: 'right', render: (v: number | null, r) => figure(v, r.unit) },
      { title: t('dx.q3'), dataIndex: 'q3', align: 'right', render: (v: number | null, r) => figure(v, r.unit) },
      { title: t('dx.percentile'), dataIndex: 'percentile', align: 'right', render: (v: number | null) => (v === null ? '—' : formatNumber(v, 0)) },
      { title: t('dx.peerCount'), dataIndex: 'peerCount', align: 'right' },
      {
        title: t('dx.verdict'),
        dataIndex: 'verdict',
        render: (v: DiagnosisIndicator['verdict']) => <Tag color={VERDICT_COLORS[v]}>{t(`dx.verdict.${v}`)}</Tag>,
      },
    ],
    [t],
  );
  return <Table rowKey="code" size="small" pagination={false} columns={columns} dataSource={d.indicators} data-testid="diagnosis-table" />;
}

function Body({ d }: { d: DiagnosisReport }) {
  const t = useT();
  const axes = d.indicators.map((i) => ({ name: t(`dx.ind.${i.code}`), percentile: i.percentile }));
  const tags = (codes: string[], color: string) =>
    codes.length === 0 ? (
      <Typography.Text type="secondary">{t('dx.none')}</Typography.Text>
    ) : (
      codes.map((c) => (
        <Tag key={c} color={color}>
          {t(`dx.ind.${c}`)}
        </Tag>
      ))
    );
  return (
    <Flex vertical gap={16}>
      {!d.isConfirmed && d.year && <Alert type="warning" showIcon title={t('dx.unconfirmed', { year: d.year })} />}
      <Card className="dx-card" size="small" title={t('dx.peers')} data-testid="diagnosis-peers">
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label={t('dx.peers')}>{d.peers.description}</Descriptions.Item>
          <Descriptions.Item label={t('dx.peerCount')}>{d.peers.count}</Descriptions.Item>
          <Descriptions.Item label={t('dx.year')}>{d.year ?? '—'}</Descriptions.Item>
        </Descriptions>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('dx.peerRule', { min: d.peers.minPeers || 10 })}
        </Typography.Text>
        {!d.peers.isSufficient && <Alert style={{ marginTop: 8 }} type="info" showIcon title={t('dx.insufficient', { min: d.peers.minPeers || 10 })} />}
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card className="dx-card" size="small" title={t('dx.radar')} data-testid="diagnosis-radar">
            <DiagnosisRadar axes={axes} ownName={t('dx.own')} medianName={t('dx.median')} />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card className="dx-card" size="small" title={t('dx.advice')} data-testid="diagnosis-advice" style={{ height: '100%' }}>
            <Flex vertical gap={8}>
              <div>
                <Typography.Text strong>{t('dx.strengths')}：</Typography.Text>
                {tags(d.strengths, 'green')}
              </div>
              <div>
                <Typography.Text strong>{t('dx.weaknesses')}：</Typography.Text>
                {tags(d.weaknesses, 'red')}
              </div>
              <ol style={{ paddingLeft: 20, margin: 0 }}>
                {d.advice.map((a) => (
                  <li key={a} style={{ marginBottom: 6 }}>
                    {a}
                  </li>
                ))}
              </ol>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('dx.adviceNote')}
              </Typography.Text>
            </Flex>
          </Card>
        </Col>
      </Row>
      <Card className="dx-card" size="small" title={t('dx.indicators')}>
        <IndicatorTable d={d} />
      </Card>
    </Flex>
  );
}

export function DiagnosisPage() {
  const t = useT();
  const id = Number(useParams().id);
  const [year, setYear] = useState<number | undefined>(undefined);
  const q = useDiagnosis(id, year);
  return (
    <div data-testid="diagnosis-page">
      <style>{PRINT_CSS}</style>
      <Header d={q.data} year={year} setYear={setYear} />
      {q.isLoading && <Spin />}
      {q.error && !q.data && (
        <Result
          status={q.error instanceof ApiError && q.error.status === 404 ? '404' : 'error'}
          title={q.error instanceof ApiError && q.error.status === 404 ? '404' : t('common.loadFailed')}
          subTitle={errorMessage(q.error)}
        />
      )}
      {q.data && q.data.year === null && <Alert type="info" showIcon title={t('dx.noYears')} />}
      {q.data && q.data.year !== null && <Body d={q.data} />}
    </div>
  );
}
