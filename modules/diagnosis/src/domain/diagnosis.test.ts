/** 科技体检: percentiles, quartiles, size bands, peer groups and advice, each worked out by hand in the comments. */
import { describe, expect, it } from 'vitest';
import { choosePeers, diagnose, diagnosisValues, percentileAmong, quantileSorted, sizeBand, verdictOf, type DiagnosisFigures } from './diagnosis.ts';
import { formatPct, formatWan } from './diagnosis-advice.ts';

const firm = (id: number, o: Partial<DiagnosisFigures> = {}): DiagnosisFigures => ({
  id,
  industryCode: 'C2614',
  revenue: 1000,
  prevRevenue: null,
  employees: 50,
  rdExpense: null,
  highTechRevenue: null,
  sciTechStaff: null,
  conversions: null,
  inventionPatents: null,
  netAssets: null,
  prevNetAssets: null,
  ...o,
});

describe('percentileAmong: 100·(B + E/2)/n', () => {
  it.each([
    // peers 1 2 3 3 5, value 3: B = 2 (1, 2), E = 2 → (2 + 1)/5 = 60
    [3, [1, 2, 3, 3, 5], 1, 60],
    // lower is better: worse = higher: B = 1 (5), E = 2 → (1 + 1)/5 = 40
    [3, [1, 2, 3, 3, 5], -1, 40],
    // above every peer: 4/4 = 100; below every peer: 0
    [9, [1, 2, 3, 4], 1, 100],
    [0, [1, 2, 3, 4], 1, 0],
    // all equal: E = 4 → 2/4 = 50
    [0, [0, 0, 0, 0], 1, 50],
  ] as const)('value %d among %j, direction %d → %d', (v, peers, dir, expected) => {
    expect(percentileAmong(v, peers, dir)).toBeCloseTo(expected, 12);
  });
});

describe('quantileSorted (type 7: h = (n − 1)p)', () => {
  it('quartiles of 1 2 3 4: h = 0.75, 1.5, 2.25 → 1.75, 2.5, 3.25', () => {
    expect([0.25, 0.5, 0.75].map((p) => quantileSorted([1, 2, 3, 4], p))).toEqual([1.75, 2.5, 3.25]);
  });
  it('one value is every quantile; none is NaN', () => {
    expect(quantileSorted([7], 0.25)).toBe(7);
    expect(quantileSorted([], 0.5)).toBeNaN();
  });
});

describe('verdictOf', () => {
  it.each([
    [75, 'strength'],
    [74.9, 'typical'],
    [25.1, 'typical'],
    [25, 'weakness'],
    [0, 'weakness'],
    [100, 'strength'],
  ] as const)('%d → %s', (p, v) => {
    expect(verdictOf(p)).toBe(v);
  });
});

describe('sizeBand (国统字〔2017〕213号, industrial thresholds; both lower limits for a band)', () => {
  it.each([
    [1000, 40_000, 'large'],
    [1000, 39_999, 'medium'], // revenue short of large → one band down
    [299, 50_000, 'small'], // employees short of medium
    [300, 2_000, 'medium'],
    [20, 300, 'small'],
    [25, 250, 'micro'],
    [19, 1_000_000, 'micro'],
    [null, 500, 'small'], // one figure missing: the other decides
    [1200, null, 'large'],
    [null, null, null],
  ] as const)('%s employees, %s 万元 → %s', (e, r, band) => {
    expect(sizeBand(e, r)).toBe(band);
  });
});

describe('choosePeers', () => {
  const target = firm(1, { industryCode: 'C2614', employees: 50, revenue: 1000 });
  it('same division and band, never the target itself', () => {
    const candidates = [target, ...Array.from({ length: 10 }, (_, i) => firm(10 + i, { industryCode: 'C2651' })), firm(30, { employees: 500, revenue: 5000 })];
    const g = choosePeers(target, candidates);
    expect(g).toMatchObject({ level: 'division', industry: 'C26', band: 'small', isSufficient: true });
    expect(g.peers.map((p) => p.id)).toEqual([10, 11, 12, 13, 14, 15, 16, 17, 18, 19]);
  });
  it('falls back to the section letter with fewer than 10 in the division', () => {
    const candidates = [
      ...Array.from({ length: 5 }, (_, i) => firm(10 + i)),
      ...Array.from({ length: 6 }, (_, i) => firm(20 + i, { industryCode: 'C3973' })),
      firm(40, { industryCode: 'I6513' }),
    ];
    const g = choosePeers(target, candidates);
    expect(g).toMatchObject({ level: 'section', industry: 'C', isSufficient: true });
    expect(g.peers).toHaveLength(11);
  });
  it('says when even the section is too small, and has no group without an industry code', () => {
    expect(choosePeers(target, [firm(2), firm(3)])).toMatchObject({ level: 'section', isSufficient: false });
    expect(choosePeers(firm(1, { industryCode: null }), [firm(2)])).toMatchObject({ level: 'none', isSufficient: false, peers: [] });
  });
});

describe('diagnosisValues', () => {
  it('ratios in %, per 100 employees, growth; null where the base is missing or not positive', () => {
    const v = diagnosisValues(
      firm(1, { revenue: 8000, prevRevenue: 6400, rdExpense: 168, employees: 200, sciTechStaff: 30, inventionPatents: 3, netAssets: 90, prevNetAssets: 0 }),
    );
    expect(v.rd_intensity).toBeCloseTo(2.1, 12); // 168 / 8000
    expect(v.sci_tech_staff_share).toBeCloseTo(15, 12); // 30 / 200
    expect(v.invention_patents_per_100).toBeCloseTo(1.5, 12); // 3 / 200 · 100
    expect(v.revenue_growth).toBeCloseTo(25, 12); // 8000 / 6400 − 1
    expect(v.net_asset_growth).toBeNull(); // previous net assets 0
    expect(v.high_tech_revenue_share).toBeNull();
  });
});

describe("diagnose: the issue's example, worked out", () => {
  // ten C26 small-band peers (50 employees, 1,000 万元): R&D intensities 1.0 … 6.0 % → median (3.0 + 3.8)/2 = 3.4 %
  const intensities = [1.0, 1.5, 2.0, 2.5, 3.0, 3.8, 4.0, 4.5, 5.0, 6.0];
  const peers = intensities.map((x, i) => firm(100 + i, { rdExpense: x * 10, sciTechStaff: 2 + i, conversions: Math.floor(i / 2), inventionPatents: 0 }));
  // the enterprise: 8,000 万元 revenue, 100 employees (small band), R&D 168 万元 = 2.1 %
  const target = firm(1, { revenue: 8000, employees: 100, rdExpense: 168, sciTechStaff: 30, conversions: 0, inventionPatents: 0, highTechRevenue: 5000 });
  const d = diagnose(target, [target, ...peers], 2023);

  it('describes the peers', () => {
    expect(d.peers).toMatchObject({
      level: 'division',
      industry: 'C26',
      band: 'small',
      count: 10,
      isSufficient: true,
      description: '制造业 C26 大类 · 小型企业',
    });
  });

  it('R&D intensity: percentile (3 below)/10 = 30, median 3.4, quartiles h = 2.25 → 2.125, h = 6.75 → 4.375', () => {
    const rd = d.indicators.find((i) => i.code === 'rd_intensity')!;
    expect(rd).toMatchObject({ percentile: 30, peerCount: 10, verdict: 'typical' });
    expect(rd.median).toBeCloseTo(3.4, 12);
    expect(rd.q1).toBeCloseTo(2.125, 12);
    expect(rd.q3).toBeCloseTo(4.375, 12);
  });

  it('sci-tech staff 30 % above all ten peers (4 … 22 %): percentile 100, a strength; conversions 0 with two peers at 0: (0 + 1)/10 = 10, a weakness', () => {
    expect(d.strengths).toEqual(['sci_tech_staff_share']);
    expect(d.weaknesses).toEqual(['conversions']);
    expect(d.indicators.find((i) => i.code === 'invention_patents_per_100')).toMatchObject({ percentile: 50, verdict: 'typical' }); // all ten tie at 0
    expect(d.indicators.find((i) => i.code === 'high_tech_revenue_share')).toMatchObject({ verdict: 'insufficient', peerCount: 0, percentile: null });
    expect(d.indicators.find((i) => i.code === 'revenue_growth')).toMatchObject({ verdict: 'missing', value: null });
  });

  it('advice: the R&D gap 3.4 % × 8,000 − 168 = 104 万元, the weakness first, the strength, and what it cannot say', () => {
    expect(d.advice).toEqual([
      '【短板】2023 年科技成果转化数 0 项，低于同行业同规模企业中位数 2 项，差约 2 项',
      '研发投入强度 2.1%，低于同行业同规模企业中位数 3.4%；按 2023 年营业收入 8,000 万元计，研发费用需增加约 104 万元才能达到中位数',
      '【优势】科技人员占比 30.0%，居同行第 100 百分位（中位数 13.0%），宜保持',
      '缺少 2023 年所需数据，未作诊断：营业收入增长率、净资产增长率',
      '同行中有数据的企业不足 10 家，不作比较：高新技术产品（服务）收入占比（0 家）',
    ]);
  });

  it('staff gap rounds up: median 13 % of 100 employees = 13, holding 8 → 5 more', () => {
    const weak = diagnose({ ...target, sciTechStaff: 8 }, peers, 2023);
    expect(weak.advice).toContain(
      '【短板】科技人员占比 8.0%，低于同行业同规模企业中位数 13.0%；按 2023 年职工 100 人计，需再增加约 5 名科技人员才能达到中位数',
    );
  });

  it('too few peers: says so and compares nothing', () => {
    const few = diagnose(target, peers.slice(0, 4), 2023);
    expect(few.peers).toMatchObject({ level: 'section', count: 4, isSufficient: false });
    expect(few.indicators.every((i) => i.percentile === null)).toBe(true);
    expect(few.advice).toEqual(['同行（制造业（C 门类） · 小型企业）仅 4 家，少于 10 家，样本不足，不作同行比较']);
  });
});

describe('formats', () => {
  it.each([
    [104.2, '104'],
    [8000, '8,000'],
    [1234567.8, '1,234,568'],
    [12.5, '12.5'],
    [12.04, '12'],
    [0.456, '0.46'],
    [-3.2, '−3.2'],
  ])('formatWan(%d) = %s', (x, s) => {
    expect(formatWan(x)).toBe(s);
  });
  it('formatPct', () => {
    expect([formatPct(2.1), formatPct(13), formatPct(-3.25)]).toEqual(['2.1%', '13.0%', '−3.3%']);
  });
});
