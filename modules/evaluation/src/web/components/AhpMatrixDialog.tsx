/**
 * The pairwise comparison matrix of an AHP group on Saaty's 1–9 scale: the upper triangle is chosen, the
 * lower one is its reciprocal, the diagonal 1 — so the matrix is reciprocal by construction. Consistency
 * (CR ≤ 0.10) is checked by the server when the scheme is checked or its weights previewed.
 */
import { useEffect, useState } from 'react';
import { Modal, Select, Table, Typography } from 'antd';
import { useT } from '@kechuang/platform-web';

const SCALE = [9, 8, 7, 6, 5, 4, 3, 2, 1, 1 / 2, 1 / 3, 1 / 4, 1 / 5, 1 / 6, 1 / 7, 1 / 8, 1 / 9];
export const saatyText = (v: number): string => (v >= 1 ? String(Math.round(v * 100) / 100) : `1/${Math.round(1 / v)}`);
/** the scale value nearest to v (on a log scale) */
const nearest = (v: number): number =>
  SCALE.reduce((best, s) => (Math.abs(Math.log(s) - Math.log(v > 0 ? v : 1)) < Math.abs(Math.log(best) - Math.log(v > 0 ? v : 1)) ? s : best), 1);
/** 1/3 as 0.3333333 — the precision of the example — so the JSON stays readable */
const stored = (v: number): number => Number(v.toPrecision(7));

export function AhpMatrixDialog({
  open,
  labels,
  matrix,
  onClose,
  onApply,
}: {
  open: boolean;
  labels: string[];
  matrix: number[][] | undefined;
  onClose: () => void;
  onApply: (m: number[][]) => void;
}) {
  const t = useT();
  const k = labels.length;
  const [m, setM] = useState<number[][]>([]);
  useEffect(() => {
    if (open) setM(Array.from({ length: k }, (_, i) => Array.from({ length: k }, (_, j) => (i === j ? 1 : nearest(matrix?.[i]?.[j] ?? 1)))));
  }, [open, k, matrix]);
  const set = (i: number, j: number, v: number) =>
    setM((prev) => prev.map((row, r) => row.map((x, c) => (r === i && c === j ? v : r === j && c === i ? 1 / v : x))));

  return (
    <Modal
      open={open}
      title={t('ev.ed.ahpMatrix')}
      width={Math.min(1100, 220 + k * 110)}
      onCancel={onClose}
      okText={t('ev.ed.ahpOk')}
      onOk={() => onApply(m.map((row) => row.map(stored)))}
    >
      <Typography.Paragraph type="secondary">{t('ev.ed.ahpHelp')}</Typography.Paragraph>
      <Table
        size="small"
        pagination={false}
        rowKey={(_, i) => String(i)}
        dataSource={m.map((row, i) => ({ i, row }))}
        columns={[
          { title: '', key: 'label', render: (_: unknown, r: { i: number }) => <b>{labels[r.i]}</b> },
          ...labels.map((label, j) => ({
            title: label,
            key: String(j),
            render: (_: unknown, r: { i: number; row: number[] }) =>
              r.i === j ? (
                '1'
              ) : r.i < j ? (
                <Select
                  size="small"
                  style={{ width: 80 }}
                  virtual={false}
                  listHeight={420}
                  value={r.row[j]}
                  onChange={(v: number) => set(r.i, j, v)}
                  options={SCALE.map((s) => ({ value: s, label: saatyText(s) }))}
                  data-testid={`ahp-${r.i}-${j}`}
                />
              ) : (
                <span style={{ color: '#8c8c8c' }}>{saatyText(r.row[j])}</span>
              ),
          })),
        ]}
      />
    </Modal>
  );
}
