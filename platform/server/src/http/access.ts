/**
 * Every API route declares its access in `config.access`: 'public', 'signedIn' (any role, a room's bound
 * accounts included), or the roles that may call it.
 * A route without a declaration refuses to register, so none can slip through; the one hook here
 * turns the session cookie into `request.actor` and checks the role. Jurisdiction (which regions or
 * which enterprise) is then applied where data is read, from `request.actor.scope`.
 */
import type { FastifyInstance, FastifyRequest, onRequestHookHandler } from 'fastify';
import { AppError } from '@kechuang/platform-core';
import type { Db } from '../db/db.ts';
import type { Actor, Role } from '../auth/roles.ts';
import { actorForToken, SESSION_COOKIE } from '../auth/sessions.ts';
import { noteRequest } from '../imports/chunked-write.ts';

export type Access = 'public' | 'signedIn' | { roles: readonly Role[] };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    actor: Actor | null;
    /** each room's data version, read with the session (see data_versions) */
    dataVersions: Record<string, number> | null;
  }
}

export interface RouteAccess {
  method: string;
  url: string;
  access: Access;
}
const declared = new WeakMap<FastifyInstance, RouteAccess[]>();

/** Every API route of an app with its declared access (for the test that walks them all). */
export function declaredRoutes(app: FastifyInstance): RouteAccess[] {
  return declared.get(app) ?? [];
}

export function registerAccess(app: FastifyInstance, deps: { db: Db; homeRegion: string }): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('dataVersions', null);
  const routes: RouteAccess[] = [];
  declared.set(app, routes);
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/') || route.url.startsWith('/api/docs')) return;
    const access = route.config?.access;
    if (access === undefined) throw new Error(`route ${String(route.method)} ${route.url} declares no access`);
    for (const method of [route.method].flat()) if (method !== 'HEAD') routes.push({ method, url: route.url, access });
  });
  // onRequest, before the body is parsed or validated: an anonymous caller learns nothing about the route
  app.addHook('onRequest', async (request) => {
    noteRequest(); // a large import writes in shorter stretches while others are asking (imports/chunked-write.ts)
    const access = request.routeOptions.config?.access;
    if (access === undefined || access === 'public') return;
    const { actor, dataVersions } = await actorForToken(deps.db, request.cookies[SESSION_COOKIE], deps.homeRegion);
    if (access !== 'signedIn' && !access.roles.includes(actor.role)) throw new AppError('FORBIDDEN', { details: { role: actor.role } });
    request.actor = actor;
    request.dataVersions = dataVersions;
  });
}

/**
 * An onRequest hook for routes a plugin registers without our `access` declaration (the API
 * documentation under /api/docs): any signed-in user, else 401.
 */
export function signedInOnly(deps: { db: Db; homeRegion: string }): onRequestHookHandler {
  // callback style: the plugin's option is typed for it
  return (request, _reply, done) => {
    actorForToken(deps.db, request.cookies[SESSION_COOKIE], deps.homeRegion).then(
      ({ actor, dataVersions }) => {
        request.actor = actor;
        request.dataVersions = dataVersions;
        done();
      },
      (err: Error) => done(err),
    );
  };
}

/** The signed-in actor of a route that declared roles (the hook above guarantees there is one). */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError('UNAUTHENTICATED');
  return request.actor;
}

/** A room's data version as read with the request's session (undefined on a public route). */
export function dataVersionOf(request: FastifyRequest, room: string): number | undefined {
  return request.dataVersions ? (request.dataVersions[room] ?? 0) : undefined;
}
