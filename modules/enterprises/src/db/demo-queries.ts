/** Whether the registry holds anything, and any demo (synthetic) enterprise: for the start-up's demo seed and the demo notice. */
import type { Db } from '@kechuang/platform-server';

export async function hasEnterprises(db: Db): Promise<boolean> {
  const [row] = await db.query('select 1 from enterprises limit 1');
  return !!row;
}

export async function hasSyntheticEnterprises(db: Db): Promise<boolean> {
  const [row] = await db.query('select 1 from enterprises where is_synthetic limit 1');
  return !!row;
}
