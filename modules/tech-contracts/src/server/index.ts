export { techContractRoutes } from './routes.ts';
export { techContractImportKinds } from './import-contracts.ts';
export { writeTransactionActuals, TECH_TRANSACTION_VOLUME } from './indicator-actuals.ts';
export { hasTechContracts } from '../db/contracts.ts';
/** a contract by its id, for the market's signed leads */
export { getContract } from '../db/contracts.ts';
export { techContractTodos } from './todos.ts';
/** registered contracts per month and region, for the market's page for leaders */
export { registeredByMonth, type MonthlyContracts } from '../db/monthly.ts';
