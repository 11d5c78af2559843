/**
 * Whether the figures on the pages include demo data (the synthetic towns, registry and carriers that the demo
 * seed loads): GET /api/notices, for the one notice every page shows while they do. Asked of the database at
 * most once a minute; the answer changes only when demo data is seeded or removed.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext, Db } from '@kechuang/platform-server';
import { hasSyntheticCarrierFigures } from '@kechuang/carriers/server';
import { hasSyntheticEnterprises } from '@kechuang/enterprises/server';
import { hasSyntheticValues } from '@kechuang/indicators/server';

const TTL_MS = 60_000;
/** per database handle (tests run several apps in one process) */
const cache = new WeakMap<Db, { at: number; demoData: boolean }>();

async function demoDataPresent(db: Db): Promise<boolean> {
  const cached = cache.get(db);
  if (cached && Date.now() - cached.at < TTL_MS) return cached.demoData;
  // each room says whether it holds demo data: their tables are theirs (db/tables.ts)
  const present = (await hasSyntheticValues(db)) || (await hasSyntheticEnterprises(db)) || (await hasSyntheticCarrierFigures(db));
  cache.set(db, { at: Date.now(), demoData: present });
  return present;
}

export function demoNoticeRoute(app: FastifyInstance, ctx: AppContext): void {
  app.withTypeProvider<ZodTypeProvider>().get('/api/notices', {
    config: { access: 'signedIn' },
    schema: {
      tags: ['platform'],
      summary: '提示 Notices for every page: whether its figures include demo (synthetic) data',
      response: { 200: z.object({ demoData: z.boolean() }) },
    },
    handler: async () => ({ demoData: await demoDataPresent(ctx.db) }),
  });
}
