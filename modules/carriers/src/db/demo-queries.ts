/** Whether the register holds any carrier, and any demo (synthetic) figure: for the start-up's demo seed and the demo notice. */
import type { Db } from '@kechuang/platform-server';

export async function hasCarriers(db: Db): Promise<boolean> {
  const [row] = await db.query('select 1 from carriers limit 1');
  return !!row;
}

export async function hasSyntheticCarrierFigures(db: Db): Promise<boolean> {
  const [row] = await db.query(`select 1 from carrier_figures where source = 'synthetic' limit 1`);
  return !!row;
}
