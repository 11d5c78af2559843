/** What the market's routes share: the room's data version, its OpenAPI tag, the bureau's access. */
import { BUREAU_ROLES } from '@kechuang/platform-server';

/** the room's data version, bumped by every write of a listing or an institute */
export const MARKET_ROOM = 'market';
export const tags = ['market'];
export const BUREAU = { roles: BUREAU_ROLES };
