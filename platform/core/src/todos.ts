/**
 * The to-do inbox (待办): what is waiting for the signed-in user, grouped by kind. Each room contributes its
 * kinds (a waiting self-report, a refused import, a carrier that has not reported, a certificate about to
 * expire, a list to publish or to read); the web names a kind with the message `todo.kind.<kind>` and an
 * item's facts with `todo.facts.<kind>`, so the inbox speaks the user's language.
 */
import { z } from 'zod';

export const ZTodoItem = z.object({
  /** the thing waiting: an enterprise's or a carrier's name, a file's name, a list's name */
  title: z.string(),
  /** the figures the message `todo.facts.<kind>` puts into words (a year, days left, a count) */
  facts: z.record(z.string(), z.union([z.string(), z.number()])),
  /** where it is handled: a path of the web client */
  link: z.string(),
  /** when it arrived (ISO), if known */
  at: z.string().nullable(),
});
export const ZTodoGroup = z.object({
  kind: z.string(),
  /** all waiting items of the kind; `items` holds the first few */
  count: z.number(),
  /** the page that lists them all */
  link: z.string(),
  items: z.array(ZTodoItem),
});
export const ZTodos = z.object({ total: z.number(), groups: z.array(ZTodoGroup) });
export type TodoItem = z.infer<typeof ZTodoItem>;
export type TodoGroup = z.infer<typeof ZTodoGroup>;
export type Todos = z.infer<typeof ZTodos>;
