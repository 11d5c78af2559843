/** The carriers' import routes: the upload (import-carriers.ts) and the template (carrier-template.ts). */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { actorOf, readUpload, requestLang, sendXlsx, type AppContext } from '@kechuang/platform-server';
import { ZCarrierImportQuery, ZCarrierImportResult, ZCarrierTemplateQuery } from '../contract/carrier-import.ts';
import { carrierTemplate } from './carrier-template.ts';
import { importCarrierFigures } from './import-carriers.ts';
import { BUREAU, tags } from './room.ts';

export function carrierImportRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post('/api/evaluation/carriers/import', {
    config: { access: BUREAU },
    schema: {
      tags,
      summary: '导入载体年度数据 Import carriers\' figures of a year (.xlsx / .csv, multipart field "file"; all-or-nothing, errors by row and column)',
      querystring: ZCarrierImportQuery,
      consumes: ['multipart/form-data'],
      response: { 200: ZCarrierImportResult },
    },
    handler: async (req) => importCarrierFigures(ctx.db, actorOf(req), ctx.homeRegion, await readUpload(req, ctx.readLimits), req.query.year),
  });

  r.get('/api/evaluation/carriers/import-template', {
    config: { access: BUREAU },
    schema: {
      tags,
      summary: "载体年度数据导入模板 Template of a review (.xlsx), prefilled with the jurisdiction's carriers and their figures of the year",
      querystring: ZCarrierTemplateQuery,
    },
    handler: async (req, reply) => {
      const t = await carrierTemplate(ctx.db, actorOf(req), ctx.homeRegion, req.query.review, req.query.year, requestLang(req));
      return sendXlsx(reply, t.fileName, t.data);
    },
  });
}
