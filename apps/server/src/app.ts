/**
 * Builds the Fastify app: conventions (errors, access, zod, OpenAPI), the platform's routes, each
 * room's routes, and the web client. Nothing here listens; main.ts does, and tests use app.inject.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fastifyStatic from '@fastify/static';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import {
  auditRoutes,
  importRunRoutes,
  authRoutes,
  regionRoutes,
  registerAccess,
  registerErrorHandler,
  registerInputChecks,
  registerNotFound,
  registerOriginCheck,
  registerSecurityHeaders,
  setPasswordPolicy,
  signedInOnly,
  todoRoutes,
  notificationRoutes,
  userRoutes,
  type AppContext,
} from '@kechuang/platform-server';
import { indicatorImportKinds, indicatorRoutes, indicatorTodos } from '@kechuang/indicators/server';
import { enterpriseRoutes, enterpriseTodos, registryImportKinds } from '@kechuang/enterprises/server';
import { evaluationRoutes, evaluationTodos } from '@kechuang/evaluation/server';
import { carrierImportKinds, carrierRoutes, carrierTodos } from '@kechuang/carriers/server';
import { diagnosisRoutes } from '@kechuang/diagnosis/server';
import { techContractImportKinds, techContractRoutes, techContractTodos } from '@kechuang/tech-contracts/server';
import { marketRoutes } from '@kechuang/market/server';
import { demoNoticeRoute } from './demo-notice.ts';

export const WEB_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web/dist');

export interface BuildOptions {
  logLevel?: string;
  serveWeb?: boolean;
}

export async function buildApp(ctx: AppContext, opts: BuildOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: { level: opts.logLevel ?? 'silent' },
    bodyLimit: 2 * 1024 * 1024,
    // X-Forwarded-For/-Proto/-Host only from the configured proxies: anyone else could name any address
    trustProxy: ctx.trustProxy.length > 0 ? [...ctx.trustProxy] : false,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);
  registerSecurityHeaders(app, { hsts: ctx.cookieSecure });
  // first of the onRequest hooks: a cross-site request is refused before the session is even read
  registerOriginCheck(app, { publicOrigins: ctx.publicOrigins });
  registerInputChecks(app);
  setPasswordPolicy(ctx.db, { allowDemoPassword: ctx.demo });
  await app.register(cookie);
  await app.register(multipart, { limits: { fileSize: ctx.maxUploadBytes, files: 1 } });
  await app.register(swagger, {
    openapi: {
      info: { title: 'Kechuang 科创 API', version: '0.1.0', description: '区科技局核心业务平台接口' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'kc_session' } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  const sessionDeps = { db: ctx.db, homeRegion: ctx.homeRegion };
  // the documentation lists every route and field: signed-in users only (its static files are the library's)
  await app.register(swaggerUi, { routePrefix: '/api/docs', uiHooks: { onRequest: signedInOnly(sessionDeps) } });
  registerAccess(app, sessionDeps);

  app.get('/api/health', { config: { access: 'public' }, schema: { tags: ['platform'], summary: 'Health' } }, async () => ({
    status: 'ok',
    database: ctx.db.kind,
  }));
  authRoutes(app, ctx);
  userRoutes(app, ctx);
  auditRoutes(app, ctx);
  regionRoutes(app, ctx);
  indicatorRoutes(app, ctx);
  enterpriseRoutes(app, ctx);
  evaluationRoutes(app, ctx);
  carrierRoutes(app, ctx);
  diagnosisRoutes(app, ctx);
  techContractRoutes(app, ctx);
  marketRoutes(app, ctx);
  // 待办: each room's kinds of waiting work, asked in this order
  todoRoutes(app, ctx, [...enterpriseTodos, ...carrierTodos, ...techContractTodos, ...evaluationTodos, ...indicatorTodos]);
  // 导入记录: each room's kinds of import run, read through one set of routes
  importRunRoutes(app, ctx, [...indicatorImportKinds, ...registryImportKinds, ...carrierImportKinds, ...techContractImportKinds]);
  // 消息: what the rooms notify an account of (pushed matches …), and the daily digest
  notificationRoutes(app, ctx);
  demoNoticeRoute(app, ctx);

  const serveWeb = opts.serveWeb !== false && existsSync(path.join(WEB_DIST, 'index.html'));
  if (serveWeb) await app.register(fastifyStatic, { root: WEB_DIST });
  registerNotFound(app, { spaIndex: serveWeb });
  return app;
}
