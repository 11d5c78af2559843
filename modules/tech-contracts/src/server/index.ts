export { techContractRoutes } from './routes.ts';
export { techContractImportKinds } from './import-contracts.ts';
export { writeTransactionActuals, TECH_TRANSACTION_VOLUME } from './indicator-actuals.ts';
export { hasTechContracts } from '../db/contracts.ts';
