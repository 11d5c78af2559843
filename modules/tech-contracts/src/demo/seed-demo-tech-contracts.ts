/**
 * Demo technology contracts (labelled synthetic): about 300 contracts signed and registered in 2025 and 2026, their
 * sellers drawn from the demo registry's technology firms (and the demo enterprise account's firm), their buyers
 * other demo firms of the district (absorbed as well as exported), invented firms elsewhere in China and a few
 * abroad; amounts from a skewed distribution (median about 7.5 million yuan, a few above 100 million); some with
 * equipment and materials itemised, one set of equipment kept as the subject's carrier. Most are registered; the
 * last weeks' are waiting on the clerk (some overdue), a few refused, returned or deregistered. The registered
 * ones then write the technology-transaction indicator of both years. Drawn from a seeded generator: the same
 * every time.
 */
import { bureauToday, seededRandom } from '@kechuang/platform-core';
import type { Db, Region } from '@kechuang/platform-server';
import { usccCheckCharacter } from '@kechuang/enterprises/domain';
import { diagnosedEnterprise, registryFigures } from '@kechuang/enterprises/server';
import { addHistory, insertContract, setStatus, type ContractRecord, type StoredParty } from '../db/contracts.ts';
import {
  addDays,
  normaliseType,
  regimeOn,
  registrationDeadline,
  technicalAmount,
  TECH_FIELD_KEYS,
  typeRegimeOf,
  type NonTechnicalItem,
  type TechContractType,
} from '../domain/index.ts';
import { writeTransactionActuals } from '../server/indicator-actuals.ts';

export const DEMO_CONTRACT_YEARS = [2025, 2026];
const PER_YEAR = 150;

const ELSEWHERE = [
  ['宁波', '330203'],
  ['杭州', '330106'],
  ['上海', '310115'],
  ['苏州', '320505'],
  ['合肥', '340104'],
  ['南京', '320114'],
  ['深圳', '440305'],
  ['绍兴', '330602'],
] as const;
const ELSEWHERE_WORDS = ['化工新材料', '精密机械', '智能装备', '新能源科技', '环保工程', '生物医药', '电子材料', '数字技术'];
const ABROAD = ['Nordic Catalysis AB', 'Rheinland Anlagenbau GmbH', 'Osaka Fine Polymer K.K.', 'Pacific Sensor Systems Pte. Ltd.'];
const TITLES: Record<TechContractType, string[]> = {
  development: [
    '高性能聚烯烃催化剂开发',
    '反应釜智能控制系统开发',
    '锂电池电解液添加剂研发',
    '工业视觉检测算法开发',
    '低VOC涂料配方开发',
    '海工装备防腐涂层研发',
  ],
  transfer: ['高纯电子化学品制备技术转让', '一种改性聚丙烯专利权转让', '废催化剂贵金属回收技术秘密转让', '膜分离装置专利申请权转让'],
  licence: ['碳纤维预浸料专利实施许可', '磁性材料烧结工艺技术秘密许可', '伺服电机控制专利实施许可'],
  consulting: ['园区碳排放核算咨询', '新材料中试基地可行性论证', '装置长周期运行技术咨询'],
  service: ['材料性能检测分析服务', '设备故障诊断技术服务', '工艺工程师技术培训', '科技成果转化技术中介服务', '数字化车间改造技术服务'],
};
const TYPE_ODDS: [TechContractType, number][] = [
  ['development', 0.34],
  ['transfer', 0.1],
  ['licence', 0.08],
  ['consulting', 0.1],
  ['service', 0.38],
];

export async function seedDemoTechContracts(db: Db, district: Region, opts: { accountEnterpriseId?: number | null } = {}): Promise<{ contracts: number }> {
  const rnd = seededRandom('tech-contracts-demo');
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const scope = { kind: 'region' as const, regionCode: district.code, regionName: district.name, path: district.path };
  const firms = await registryFigures(db, district.path, 2025, '2025-12-31');
  if (firms.length < 10) return { contracts: 0 };
  const tech = firms.filter((f) => f.techTier >= 2 || (f.rdExpense ?? 0) > 500);
  const sellerIds = [...new Set([...(opts.accountEnterpriseId ? [opts.accountEnterpriseId] : []), ...tech.slice(0, 70).map((f) => f.id)])];
  const sellers: StoredParty[] = [];
  for (const id of sellerIds) {
    const e = await diagnosedEnterprise(db, scope, id);
    sellers.push({ name: e.name, uscc: e.uscc, location: 'district', regionCode: e.regionCode, enterpriseId: e.id });
  }
  const buyersInDistrict = firms.filter((f) => !sellerIds.includes(f.id)).slice(0, 60);
  const localBuyers: StoredParty[] = [];
  for (const f of buyersInDistrict.slice(0, 40)) {
    const e = await diagnosedEnterprise(db, scope, f.id);
    localBuyers.push({ name: e.name, uscc: e.uscc, location: 'district', regionCode: e.regionCode, enterpriseId: e.id });
  }
  const elsewhere = (i: number): StoredParty => {
    const [city, region] = ELSEWHERE[i % ELSEWHERE.length];
    const word = ELSEWHERE_WORDS[Math.floor(i / ELSEWHERE.length) % ELSEWHERE_WORDS.length];
    const first17 = `9133${region.slice(2)}MA${String(1000000 + i * 7919).slice(-7)}`.slice(0, 17).replace(/[IOZSV]/g, '0');
    return { name: `${city}${word}有限公司`, uscc: first17 + usccCheckCharacter(first17), location: 'domestic', regionCode: null, enterpriseId: null };
  };
  const today = bureauToday();
  let count = 0;
  const sequence = new Map<number, number>();
  for (const year of DEMO_CONTRACT_YEARS) {
    for (let n = 0; n < PER_YEAR; n++) {
      // spread over the year, never after today
      const dayOfYear = Math.floor(rnd() * 350);
      const submittedOn = addDays(`${year}-01-05`, dayOfYear);
      if (submittedOn > today) continue;
      const signedOn = addDays(submittedOn, -Math.floor(5 + rnd() * 40));
      let u = rnd();
      let type: TechContractType = 'service';
      for (const [t, p] of TYPE_ODDS) {
        if (u < p) {
          type = t;
          break;
        }
        u -= p;
      }
      const regime = typeRegimeOf(signedOn);
      // before 2026-03-01 a licence was a 转让 with the subtype 专利实施许可
      const asWritten: TechContractType = type === 'licence' && regime.version === '2001' ? 'transfer' : type;
      const subtypes = regime.types[asWritten]!;
      const subtype = asWritten === 'transfer' && type === 'licence' ? 'patentLicence' : pick(subtypes.filter((s) => s !== 'patentLicence'));
      const seller = pick(sellers);
      const b = rnd();
      const buyer = b < 0.3 ? pick(localBuyers.filter((x) => x.enterpriseId !== seller.enterpriseId)) : b < 0.95 ? elsewhere(Math.floor(rnd() * 64)) : null;
      const buyerParty: StoredParty = buyer ?? { name: pick(ABROAD), uscc: null, location: 'abroad', regionCode: null, enterpriseId: null };
      // median ≈ 7.5 million yuan, a long tail: some 20亿 a year, near the plan's pace (150亿 over 2021–2025)
      const contractAmount = Math.round(Math.exp(Math.log(7_500_000) + 1.3 * gaussian(rnd)) / 1000) * 1000;
      const items: NonTechnicalItem[] = [];
      if (type === 'development' && rnd() < 0.35) {
        items.push({ kind: 'equipment', name: '中试装置', amount: Math.round(contractAmount * 0.15), quantity: 1, carrier: true });
        items.push({ kind: 'materials', name: '试验原料', amount: Math.round(contractAmount * 0.08), quantity: null, carrier: false });
      } else if (type === 'service' && rnd() < 0.2)
        items.push({ kind: 'parts', name: '检测耗材', amount: Math.round(contractAmount * 0.05), quantity: null, carrier: false });
      const record: ContractRecord = {
        title: `${pick(TITLES[type])}${rnd() < 0.5 ? '' : `（${n + 1}期）`}`,
        contractNo: `HT-${year}-${String(n + 1).padStart(4, '0')}`,
        type: normaliseType(asWritten, subtype),
        subtype,
        rulesVersion: regime.version,
        signedOn,
        seller,
        buyer: buyerParty,
        contractAmount,
        techAmount: technicalAmount(contractAmount, items),
        items,
        field: pick(rnd() < 0.6 ? (['newMaterials', 'advancedManufacturing', 'electronicInformation', 'environment'] as const) : TECH_FIELD_KEYS),
        chainTag: null,
      };
      const clock = registrationDeadline(submittedOn, record.techAmount);
      const age = Math.round((Date.parse(today) - Date.parse(submittedOn)) / 86_400_000);
      const s = rnd();
      // the last weeks' wait on the clerk; a few older ones are overdue
      const status =
        (age < 25 && s < 0.8) || (age < 90 && s > 0.88)
          ? 'submitted'
          : s < 0.04
            ? 'refused'
            : s < 0.07
              ? 'returned'
              : s < 0.085
                ? 'deregistered'
                : 'registered';
      const decidedOn = addDays(submittedOn, Math.floor(3 + rnd() * 12));
      const registeredOn = status === 'registered' || status === 'deregistered' ? (decidedOn > today ? today : decidedOn) : null;
      let registrationNo: string | null = null;
      if (registeredOn) {
        const y = Number(registeredOn.slice(0, 4));
        const seq = (sequence.get(y) ?? 0) + 1;
        sequence.set(y, seq);
        registrationNo = `${district.code}${y}${String(seq).padStart(6, '0')}`;
      }
      const id = await insertContract(db, record, {
        status: 'submitted',
        submittedOn,
        deadline: clock.deadline,
        isLarge: clock.large,
        createdBy: null,
        isSynthetic: true,
      });
      if (status === 'registered' || status === 'deregistered')
        await setStatus(db, id, { status, registrationNo, registeredOn, note: status === 'deregistered' ? '合同已解除' : null });
      else if (status === 'refused') await setStatus(db, id, { status, refusalGround: pick(regimeOn(submittedOn).refusalGrounds) });
      else if (status === 'returned') await setStatus(db, id, { status, note: '请补充技术合同书原件及发票' });
      await addHistory(db, id, { id: null, username: 'system' }, { action: 'demo', after: { status } });
      if (registeredOn && rnd() < 0.6)
        await db.query(`insert into tech_contract_instalments (contract_id, received_on, amount, note) values ($1, $2, $3, '首期款')`, [
          id,
          registeredOn,
          Math.round(contractAmount * 0.3),
        ]);
      count++;
    }
  }
  await writeTransactionActuals(db, null, district.code, DEMO_CONTRACT_YEARS);
  return { contracts: count };
}

/** a standard normal draw (Box–Muller) */
function gaussian(rnd: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - rnd())) * Math.cos(2 * Math.PI * rnd());
}
