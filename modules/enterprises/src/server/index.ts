import './bound-kind.ts';
export { enterpriseRoutes } from './routes.ts';
export { enterpriseTodos } from './todos.ts';
export { recheckAll, recheckEnterprises } from '../db/recheck.ts';
export { writeRegistryActuals } from './registry-actuals.ts';
export { tierCounts } from './tier-counts.ts';
export {
  importRegistry,
  registryImportKinds,
  type RegistryImportResult,
  type ImportProgress as RegistryImportProgress,
  type RegistryImportActor,
} from './import-registry.ts';
export { IMPORT_KIND_LABELS, REGISTRY_IMPORT_KINDS, type RegistryImportKind } from '../domain/import-columns.ts';

// for other rooms, which never name this room's tables (db/tables.ts)
export { registryFigures, registryYears, type RegistryFigureRow } from '../db/registry-figures.ts';
export { diagnosedEnterprise, diagnosisFigures, diagnosisYears, type DiagnosedEnterprise, type DiagnosisRow } from '../db/diagnosis-figures.ts';
export { hasEnterprises, hasSyntheticEnterprises } from '../db/demo-queries.ts';
