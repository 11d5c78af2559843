/** The evaluation centre's HTTP routes (评价中心): schemes and presets, runs, published lists. The carriers' are @kechuang/carriers'. */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '@kechuang/platform-server';
import { diagnosisRoutes } from './diagnosis-routes.ts';
import { runRoutes } from './run-routes.ts';
import { schemeRoutes } from './scheme-routes.ts';

export function evaluationRoutes(app: FastifyInstance, ctx: AppContext): void {
  schemeRoutes(app, ctx);
  runRoutes(app, ctx);
  diagnosisRoutes(app, ctx);
}
