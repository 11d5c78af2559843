// registers the carrier kind of bound account (carrierUser) when the room's server loads
import './bound-kind.ts';
export { carrierRoutes } from './routes.ts';
export { carrierImportKinds } from './import-carriers.ts';
export { carrierTodos, carriersUnreported, myCarrierMissing } from './todos.ts';
export { CARRIER_KIND, ownCarrierOf } from './bound-kind.ts';
/** the performance review's input (the evaluation room's preset reads carriers through these, not their tables) */
export { carrierFigures, carrierYears, type CarrierFigureRow, type CarrierRow } from '../db/carrier-figures.ts';
export { hasCarriers, hasSyntheticCarrierFigures } from '../db/demo-queries.ts';
