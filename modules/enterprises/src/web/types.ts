/** Shapes of the registry API, derived from its zod contract (type-only: nothing of it is bundled). */
import type { z } from 'zod';
import type * as C from '../contract/schemas.ts';
import type * as I from '../contract/import-schemas.ts';
import type { DoublingProgress } from '../domain/doubling.ts';

export type { DoublingProgress };

export type Tier = z.infer<typeof C.ZTier>;
export type QualificationKind = z.infer<typeof C.ZQualificationKind>;
export type HnteField = C.HnteField;
export type IpKind = C.IpKindCode;
export type RdInstitutionType = keyof typeof C.RD_INSTITUTION_TYPES;
export type RdLevel = keyof typeof C.RD_LEVELS;
export type FigureSource = keyof typeof C.FIGURE_SOURCES;

export type Enterprise = z.infer<typeof C.ZEnterprise>;
export type EnterpriseInput = z.input<typeof C.ZEnterpriseInput>;
export type ContactsInput = z.infer<typeof C.ZEnterpriseSelfInput>;
export type EnterpriseListItem = z.infer<typeof C.ZEnterpriseListItem>;
export type YearFigures = z.infer<typeof C.ZYearFiguresInput>;
export type EnterpriseYear = z.infer<typeof C.ZEnterpriseYear>;
export type IpHolding = z.infer<typeof C.ZIpHolding>;
export type CoreIpJudgement = z.infer<typeof C.ZCoreIpJudgement>;
export type QualificationInput = z.input<typeof C.ZQualificationInput>;
export type Qualification = z.infer<typeof C.ZQualification>;
export type RdInstitutionInput = z.infer<typeof C.ZRdInstitutionInput>;
export type RdInstitution = z.infer<typeof C.ZRdInstitution>;
export type RulesCheck = z.infer<typeof C.ZRulesCheck>;
export type HnteCheck = RulesCheck['hnte'];
export type HnteCondition = HnteCheck['conditions'][number];
export type HnteGap = HnteCheck['gaps'][number];
export type ScoreParts = HnteCheck['score'];
export type TechSmeCheck = RulesCheck['techSme'];
export type Profile = z.infer<typeof C.ZProfile>;
export type WorkListItem = z.infer<typeof C.ZWorkListItem>;

/** `check.superDeduction`: the estimate for the last year with R&D expense, or null */
export type SuperDeductionEstimate = NonNullable<RulesCheck['superDeduction']>;

export { WORK_LISTS, type WorkListName } from '../domain/work-list-names.ts';

export type UnitCounts = z.infer<typeof C.ZUnitCounts>;

export type Doubling = z.infer<typeof C.ZDoubling>;

export type RegistryActualsResult = z.infer<typeof C.ZRegistryActualsResult>;

export interface Chain {
  code: string;
  name: string;
  sort: number;
}

export type RegistryImportKind = z.infer<typeof I.ZRegistryImportKind>;
export type RegistryImportResult = z.infer<typeof I.ZRegistryImportResult>;
export type RegistryImportRun = z.infer<typeof I.ZRegistryImportRun>;
export type RegistryImportChange = z.infer<typeof I.ZRegistryImportChange>;
/** one bad row of a refused import: row as the spreadsheet shows it, column, value, reason */
export interface ImportRowError {
  row: number;
  column: string;
  value: string;
  reason: string;
}
