/**
 * 科技体检 routes (paths kept under /api/evaluation, where the diagnosis began): one enterprise's diagnosis and its .xlsx. Bureau roles, leaders and town officers within their
 * jurisdiction; an enterprise user their own enterprise only (another is 404).
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { actorOf, READ_ROLES, sendXlsx, type AppContext, type Role } from '@kechuang/platform-server';
import { ZDiagnosisParams, ZDiagnosisQuery, ZDiagnosisResponse } from '../contract/schemas.ts';
import { exportDiagnosis } from './export-diagnosis.ts';
import { getDiagnosis } from './get-diagnosis.ts';

const DIAGNOSIS = { roles: [...READ_ROLES, 'enterpriseUser'] as Role[] };
const tags = ['diagnosis'];

export function diagnosisRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/evaluation/diagnosis/:enterpriseId', {
    config: { access: DIAGNOSIS },
    schema: {
      tags,
      summary: '科技体检 One enterprise among its peers (same industry and size band): percentiles, strengths, weaknesses, advice',
      params: ZDiagnosisParams,
      querystring: ZDiagnosisQuery,
      response: { 200: ZDiagnosisResponse },
    },
    handler: async (req) => getDiagnosis(ctx.db, actorOf(req), req.params.enterpriseId, req.query.year),
  });

  r.get('/api/evaluation/diagnosis/:enterpriseId/export', {
    config: { access: DIAGNOSIS },
    schema: { tags, summary: '导出科技体检 The diagnosis as .xlsx (indicators, advice)', params: ZDiagnosisParams, querystring: ZDiagnosisQuery },
    handler: async (req, reply) => {
      const file = await exportDiagnosis(ctx.db, actorOf(req), req.params.enterpriseId, req.query.year);
      return sendXlsx(reply, file.fileName, file.data);
    },
  });
}
