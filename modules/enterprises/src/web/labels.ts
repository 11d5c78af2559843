/**
 * The registry's code lists, in display order. Their labels are i18n keys (`ent.tier.hnte` …); the
 * contract holds the same lists for the server, but the client takes nothing from it at run time.
 */
import type { FigureSource, HnteField, IpKind, QualificationKind, RdInstitutionType, RdLevel, Tier } from './types.ts';

export const TIERS: readonly Tier[] = ['none', 'techSme', 'hnte', 'techLittleGiant', 'techLeader'];
export const QUALIFICATION_KINDS: readonly QualificationKind[] = ['techSme', 'hnte', 'techLittleGiant', 'techLeader'];
export const HNTE_FIELDS: readonly HnteField[] = [
  'electronicInformation',
  'biomedicine',
  'aerospace',
  'newMaterials',
  'highTechServices',
  'newEnergy',
  'resourcesEnvironment',
  'advancedManufacturing',
];
export const IP_KINDS: readonly IpKind[] = [
  'inventionPatent',
  'plantVariety',
  'icLayout',
  'newDrug',
  'tcmVariety',
  'utilityModel',
  'design',
  'softwareCopyright',
  'pctApplication',
];
/** Class I / Class II as the HNTE rules assign them (POLICY-RULES.md); PCT applications count in neither */
export const IP_CLASS: Record<IpKind, 'I' | 'II' | null> = {
  inventionPatent: 'I',
  plantVariety: 'I',
  icLayout: 'I',
  newDrug: 'I',
  tcmVariety: 'I',
  utilityModel: 'II',
  design: 'II',
  softwareCopyright: 'II',
  pctApplication: null,
};
export const RD_INSTITUTION_TYPES: readonly RdInstitutionType[] = ['engineeringCenter', 'enterpriseResearchInstitute', 'keyLab', 'hnteRdCenter'];
export const RD_LEVELS: readonly RdLevel[] = ['national', 'provincial', 'municipal', 'district'];
export const FIGURE_SOURCES: readonly FigureSource[] = ['import', 'manual', 'selfReport', 'synthetic'];
/** a year's yes/no conditions of the tech-SME evaluation (国科火字〔2022〕67号), in display order */
export const YEAR_FLAGS = ['resident', 'industryExcluded', 'restrictedCatalogue', 'dishonestyListed'] as const;
export type YearFlag = (typeof YEAR_FLAGS)[number];
