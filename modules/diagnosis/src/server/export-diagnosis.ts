/** 科技体检 as an .xlsx: the indicators against the peers (体检结果) and the advice (建议), with how they were read. */
import { bureauDateTime } from '@kechuang/platform-core/clock';
import { writeXlsx, type Actor, type Db } from '@kechuang/platform-server';
import { SIZE_BAND_LABELS } from '../domain/diagnosis.ts';
import { getDiagnosis } from './get-diagnosis.ts';

/** figures to the places their unit needs: percentages one, counts none, rates per hundred two */
function rounder(unit: string): (x: number | null) => number | null {
  const places = unit === '%' ? 1 : unit === '项' || unit === '件' || unit === '人' ? 0 : 2;
  return (x) => (x === null ? null : Math.round(x * 10 ** places) / 10 ** places);
}

const VERDICTS = { strength: '优势', weakness: '短板', typical: '居中', missing: '缺数据', insufficient: '同行不足' } as const;

export async function exportDiagnosis(db: Db, actor: Actor, enterpriseId: number, year?: number): Promise<{ fileName: string; data: Buffer }> {
  const d = await getDiagnosis(db, actor, enterpriseId, year);
  const notes = [
    `科技体检 · ${d.enterprise.name}（${d.enterprise.uscc}） · ${d.year ?? '—'} 年${d.isConfirmed ? '' : '（企业自报，待科技局确认）'}`,
    `同行：${d.peers.description}，${d.peers.count} 家${d.peers.band ? `（规模按 国统字〔2017〕213号 工业标准简化：${SIZE_BAND_LABELS[d.peers.band]}）` : ''}`,
    '百分位 = 同行中劣于本企业的比例 + 相同者的一半；≥ 75 为优势，≤ 25 为短板；中位数与四分位数按线性插值（Excel PERCENTILE.INC）',
    `导出于 ${bureauDateTime(new Date().toISOString())}（北京时间）`,
  ];
  const data = await writeXlsx([
    {
      name: '体检结果',
      notes,
      columns: [
        { header: '指标', key: 'label', width: 30 },
        { header: '单位', key: 'unit', width: 9 },
        { header: '本企业', key: 'value', width: 11 },
        { header: '下四分位', key: 'q1', width: 10 },
        { header: '中位数', key: 'median', width: 10 },
        { header: '上四分位', key: 'q3', width: 10 },
        { header: '百分位', key: 'percentile', width: 8 },
        { header: '同行家数', key: 'peerCount', width: 9 },
        { header: '判断', key: 'verdict', width: 9 },
      ],
      rows: d.indicators.map((i) => {
        const r = rounder(i.unit);
        return {
          ...i,
          value: r(i.value),
          q1: r(i.q1),
          median: r(i.median),
          q3: r(i.q3),
          percentile: i.percentile === null ? null : Math.round(i.percentile),
          verdict: VERDICTS[i.verdict],
        };
      }),
    },
    {
      name: '建议',
      notes: notes.slice(0, 2),
      columns: [
        { header: '序号', key: 'n', width: 6 },
        { header: '建议', key: 'text', width: 120 },
      ],
      rows: d.advice.map((text, k) => ({ n: k + 1, text })),
    },
  ]);
  return { fileName: `科技体检_${d.enterprise.name}_${d.year ?? ''}.xlsx`, data };
}
