/** The evaluation centre's HTTP routes (评价中心): schemes and presets, runs, published lists. The carriers' and 科技体检's are their rooms' (@kechuang/carriers, @kechuang/diagnosis). */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '@kechuang/platform-server';
import { runRoutes } from './run-routes.ts';
import { schemeRoutes } from './scheme-routes.ts';

export function evaluationRoutes(app: FastifyInstance, ctx: AppContext): void {
  schemeRoutes(app, ctx);
  runRoutes(app, ctx);
}
