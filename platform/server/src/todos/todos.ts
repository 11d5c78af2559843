/**
 * The to-do inbox (待办) behind `GET /api/todos`. Each room registers the kinds of waiting work it knows
 * (`TodoSource`): who it concerns (roles) and how to collect it for one user, within that user's
 * jurisdiction. The platform only asks every source the user's role concerns and adds up the counts; it
 * knows no room's tables. Sources run one after another (the embedded database has one connection).
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { bureauToday, ZTodos, type TodoGroup, type TodoItem } from '@kechuang/platform-core';
import { actorOf } from '../http/access.ts';
import type { AppContext } from '../http/context.ts';
import type { Actor, Role } from '../auth/roles.ts';
import type { Db } from '../db/db.ts';

export interface TodoSource {
  kind: string;
  roles: readonly Role[];
  /** the waiting items of this kind for `actor` (all of them counted, the first `limit` listed), or null for none */
  collect(db: Db, actor: Actor, opts: { today: string; limit: number }): Promise<{ count: number; link: string; items: TodoItem[] } | null>;
}

/** how many items of a kind the inbox lists; the count says how many there are */
export const TODO_ITEMS_SHOWN = 5;

export async function collectTodos(
  db: Db,
  actor: Actor,
  sources: readonly TodoSource[],
  today = bureauToday(),
): Promise<{ total: number; groups: TodoGroup[] }> {
  const groups: TodoGroup[] = [];
  for (const source of sources) {
    if (!source.roles.includes(actor.role)) continue;
    const found = await source.collect(db, actor, { today, limit: TODO_ITEMS_SHOWN });
    if (found && found.count > 0) groups.push({ kind: source.kind, ...found });
  }
  return { total: groups.reduce((n, g) => n + g.count, 0), groups };
}

export function todoRoutes(app: FastifyInstance, ctx: AppContext, sources: readonly TodoSource[]): void {
  app.withTypeProvider<ZodTypeProvider>().get('/api/todos', {
    config: { access: 'signedIn' },
    schema: { tags: ['platform'], summary: '待办 What is waiting for the signed-in user, by kind, within their jurisdiction', response: { 200: ZTodos } },
    handler: async (req) => collectTodos(ctx.db, actorOf(req), sources),
  });
}

/**
 * A room's refused imports as a to-do: the user's own refused files of `importKinds` in the last two weeks
 * that no accepted file of the same kind has followed, linked to the room's import page.
 */
export function refusedImportsTodo(kind: string, importKinds: readonly string[], link: string, roles: readonly Role[]): TodoSource {
  return {
    kind,
    roles,
    async collect(db, actor, { limit }) {
      const rows = await db.query<{ id: number; fileName: string; at: string; errors: number; total: number }>(
        `select f.id::int as id, f.file_name as "fileName", f.at::text as at, jsonb_array_length(f.errors)::int as errors, count(*) over ()::int as total
           from import_runs f
          where f.user_id = $1 and f.kind = any($2::text[]) and f.status = 'refused' and f.at > now() - interval '14 days'
            and not exists (select 1 from import_runs a where a.user_id = f.user_id and a.kind = f.kind and a.status = 'accepted' and a.at > f.at)
          order by f.at desc limit $3`,
        [actor.id, importKinds, limit],
      );
      return { count: rows[0]?.total ?? 0, link, items: rows.map((r) => ({ title: r.fileName, facts: { errors: r.errors }, link, at: r.at })) };
    },
  };
}
