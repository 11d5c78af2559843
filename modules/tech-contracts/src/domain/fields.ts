/**
 * The technology fields (技术领域) the national technology-market statistics count contracts by (《全国技术市场统计年报》).
 * Each contract carries one; the statistics group by it. A contract may also carry one of the registry's
 * industry-chain tags (free code, as the registry's chains are named).
 */
export const TECH_FIELDS = {
  electronicInformation: '电子信息',
  advancedManufacturing: '先进制造',
  aerospace: '航空航天',
  modernTransport: '现代交通',
  agriculture: '农业',
  newEnergy: '新能源与高效节能',
  environment: '环境保护与资源综合利用',
  urbanSocial: '城市建设与社会发展',
  biomedicine: '生物、医药和医疗器械',
  newMaterials: '新材料及其应用',
  nuclear: '核应用',
} as const;
export type TechField = keyof typeof TECH_FIELDS;
export const TECH_FIELD_KEYS = Object.keys(TECH_FIELDS) as [TechField, ...TechField[]];
export const TECH_FIELDS_EN: Record<TechField, string> = {
  electronicInformation: 'Electronic information',
  advancedManufacturing: 'Advanced manufacturing',
  aerospace: 'Aerospace',
  modernTransport: 'Modern transport',
  agriculture: 'Agriculture',
  newEnergy: 'New energy and efficiency',
  environment: 'Environment and resources',
  urbanSocial: 'Urban and social development',
  biomedicine: 'Biomedicine and devices',
  newMaterials: 'New materials',
  nuclear: 'Nuclear applications',
};
