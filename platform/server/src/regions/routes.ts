import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZRegion } from '@kechuang/platform-core';
import type { AppContext } from '../http/context.ts';
import { actorOf } from '../http/access.ts';
import { READ_ROLES } from '../auth/roles.ts';
import { assertRegionInScope, children, definePark, getRegion, isInScope, reportingUnits } from './regions.ts';

export function regionRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/regions/units', {
    config: { access: { roles: READ_ROLES } },
    schema: {
      tags: ['regions'],
      summary: '辖区内的地区 The home district and the towns and parks the user may see',
      response: { 200: z.object({ district: ZRegion, units: z.array(ZRegion) }) },
    },
    handler: async (req) => {
      const scope = actorOf(req).scope;
      const district = (await getRegion(ctx.db, ctx.homeRegion))!;
      const units = (await reportingUnits(ctx.db, ctx.homeRegion)).filter((u) => isInScope(scope, u));
      return { district, units };
    },
  });

  r.get('/api/regions/:code/children', {
    config: { access: { roles: READ_ROLES } },
    schema: {
      tags: ['regions'],
      summary: '下级地区 Children of a region in scope',
      params: z.object({ code: z.string().max(20) }),
      response: { 200: z.object({ items: z.array(ZRegion) }) },
    },
    handler: async (req) => {
      await assertRegionInScope(ctx.db, actorOf(req).scope, req.params.code);
      return { items: await children(ctx.db, req.params.code) };
    },
  });

  r.put('/api/regions/parks/:code', {
    config: { access: { roles: ['bureauAdmin'] } },
    schema: {
      tags: ['regions'],
      summary: '新建或改名园区 Define a park under the home district',
      params: z.object({ code: z.string().max(20) }),
      body: z.object({ name: z.string().min(2).max(64) }),
      response: { 200: ZRegion },
    },
    handler: async (req) => definePark(ctx.db, actorOf(req), ctx.homeRegion, req.params.code, req.body.name),
  });
}
