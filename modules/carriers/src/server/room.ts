/** What the carriers' routes share: the room's data version, its OpenAPI tag, the bureau's access. */
import { BUREAU_ROLES } from '@kechuang/platform-server';

/** the room's data version, bumped by every write of carriers or their figures */
export const CARRIERS_ROOM = 'carriers';
export const tags = ['carriers'];
export const BUREAU = { roles: BUREAU_ROLES };
