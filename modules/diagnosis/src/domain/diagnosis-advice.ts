/**
 * 科技体检 advice: plain Chinese sentences derived from the figures alone. Each indicator below the peers'
 * median (weaknesses first) says how far below and, where the registry holds the base, what it would take to
 * reach the median at this year's size (R&D spend in 万元, sci-tech staff, high-tech revenue, invention patents,
 * conversions). Strengths are named with their percentile. Nothing is said where the figures cannot support it:
 * too few peers, a missing figure.
 */
import type { DiagnosisFigures, IndicatorDiagnosis } from './diagnosis.ts';
import type { PeerLevel } from './diagnosis-peers.ts';

export interface AdviceContext {
  year: number;
  figures: DiagnosisFigures;
  peers: { level: PeerLevel; count: number; description: string; isSufficient: boolean; minPeers: number };
}

function group3(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** An amount in 万元: whole 万元 with thousands separators from 100 up, else one or two decimals (trailing zeros dropped). */
export function formatWan(x: number): string {
  const abs = Math.abs(x);
  const decimals = abs >= 100 ? 0 : abs >= 1 ? 1 : 2;
  const [int, frac] = abs.toFixed(decimals).split('.');
  const fracTrim = frac?.replace(/0+$/, '');
  return `${x < 0 ? '−' : ''}${group3(int)}${fracTrim ? `.${fracTrim}` : ''}`;
}

/** A percentage with one decimal: 2.1% */
export const formatPct = (x: number): string => `${x < 0 ? '−' : ''}${Math.abs(x).toFixed(1)}%`;
const formatNum = (x: number): string => formatWan(x);

function below(d: IndicatorDiagnosis, ctx: AdviceContext): string | null {
  const { value: v, median: m } = d;
  if (v === null || m === null) return null;
  const f = ctx.figures;
  const y = ctx.year;
  const peerWord = ctx.peers.level === 'division' ? '同行业同规模企业' : '同门类同规模企业';
  const head = (fmt: (x: number) => string) => `${d.label} ${fmt(v)}，低于${peerWord}中位数 ${fmt(m)}`;
  switch (d.code) {
    case 'rd_intensity':
      return f.revenue !== null && f.rdExpense !== null
        ? `${head(formatPct)}；按 ${y} 年营业收入 ${formatWan(f.revenue)} 万元计，研发费用需增加约 ${formatWan((m / 100) * f.revenue - f.rdExpense)} 万元才能达到中位数`
        : head(formatPct);
    case 'sci_tech_staff_share':
      return f.employees !== null && f.sciTechStaff !== null
        ? `${head(formatPct)}；按 ${y} 年职工 ${f.employees} 人计，需再增加约 ${Math.ceil((m / 100) * f.employees - f.sciTechStaff - 1e-9)} 名科技人员才能达到中位数`
        : head(formatPct);
    case 'high_tech_revenue_share':
      return f.revenue !== null && f.highTechRevenue !== null
        ? `${head(formatPct)}；按 ${y} 年营业收入 ${formatWan(f.revenue)} 万元计，高新技术产品（服务）收入需增加约 ${formatWan((m / 100) * f.revenue - f.highTechRevenue)} 万元才能达到中位数`
        : head(formatPct);
    case 'invention_patents_per_100':
      return f.employees !== null && f.inventionPatents !== null
        ? `${head((x) => `${formatNum(x)} 件`)}；按 ${y} 年职工 ${f.employees} 人计，需再拥有约 ${Math.ceil((m / 100) * f.employees - f.inventionPatents - 1e-9)} 件发明专利才能达到中位数`
        : head((x) => `${formatNum(x)} 件`);
    case 'conversions':
      return `${y} 年${head((x) => `${formatNum(x)} 项`)}，差约 ${Math.ceil(m - v - 1e-9)} 项`;
    case 'revenue_growth':
      return f.prevRevenue !== null && f.revenue !== null
        ? `${y} 年${head(formatPct)}；按中位数增长，营业收入应为约 ${formatWan(f.prevRevenue * (1 + m / 100))} 万元，实际 ${formatWan(f.revenue)} 万元`
        : head(formatPct);
    case 'net_asset_growth':
      return f.prevNetAssets !== null && f.netAssets !== null
        ? `${y} 年${head(formatPct)}；按中位数增长，净资产应为约 ${formatWan(f.prevNetAssets * (1 + m / 100))} 万元，实际 ${formatWan(f.netAssets)} 万元`
        : head(formatPct);
  }
}

const unitText = (d: IndicatorDiagnosis, x: number): string => (d.unit === '%' ? formatPct(x) : `${formatNum(x)} ${d.unit === '件/百人' ? '件' : d.unit}`);

export function adviceFor(indicators: IndicatorDiagnosis[], ctx: AdviceContext): string[] {
  if (!ctx.peers.isSufficient) {
    return ctx.peers.level === 'none'
      ? ['缺少行业代码或营业收入、职工人数，无法确定同行，不作同行比较']
      : [`同行（${ctx.peers.description}）仅 ${ctx.peers.count} 家，少于 ${ctx.peers.minPeers} 家，样本不足，不作同行比较`];
  }
  const out: string[] = [];
  const isBelow = (d: IndicatorDiagnosis) => d.percentile !== null && d.value !== null && d.median !== null && d.direction * (d.value - d.median) < 0;
  const ordered = [...indicators.filter((d) => d.verdict === 'weakness'), ...indicators.filter((d) => d.verdict === 'typical')];
  for (const d of ordered) {
    if (!isBelow(d)) continue;
    const s = below(d, ctx);
    if (s) out.push(`${d.verdict === 'weakness' ? '【短板】' : ''}${s}`);
  }
  for (const d of indicators.filter((x) => x.verdict === 'strength')) {
    out.push(`【优势】${d.label} ${unitText(d, d.value!)}，居同行第 ${Math.round(d.percentile!)} 百分位（中位数 ${unitText(d, d.median!)}），宜保持`);
  }
  if (!indicators.some(isBelow) && indicators.some((d) => d.percentile !== null)) out.push('可比较的各项指标均不低于同行中位数');
  const missing = indicators.filter((d) => d.verdict === 'missing').map((d) => d.label);
  if (missing.length > 0) out.push(`缺少 ${ctx.year} 年所需数据，未作诊断：${missing.join('、')}`);
  const few = indicators.filter((d) => d.verdict === 'insufficient').map((d) => `${d.label}（${d.peerCount} 家）`);
  if (few.length > 0) out.push(`同行中有数据的企业不足 ${ctx.peers.minPeers} 家，不作比较：${few.join('、')}`);
  return out;
}
