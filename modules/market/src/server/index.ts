// registers the market's kinds of bound account (institute → institutionUser, broker → brokerUser) when the room's server loads
import './bound-kind.ts';
export { marketRoutes } from './routes.ts';
export { INSTITUTE_KIND, BROKER_KIND, ownInstituteOf, ownBrokerOf } from './bound-kind.ts';
export { hasMarket } from '../db/institutes.ts';
export { reindexListings } from './reindex.ts';
