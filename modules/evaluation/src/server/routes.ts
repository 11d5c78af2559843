/** The evaluation centre's HTTP routes (评价中心): schemes and presets, runs, published lists. */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '@kechuang/platform-server';
import { carrierImportRoutes } from './carrier-import.ts';
import { carrierRoutes } from './carrier-routes.ts';
import { diagnosisRoutes } from './diagnosis-routes.ts';
import { runRoutes } from './run-routes.ts';
import { schemeRoutes } from './scheme-routes.ts';

export function evaluationRoutes(app: FastifyInstance, ctx: AppContext): void {
  schemeRoutes(app, ctx);
  runRoutes(app, ctx);
  diagnosisRoutes(app, ctx);
  carrierRoutes(app, ctx);
  carrierImportRoutes(app, ctx);
}
