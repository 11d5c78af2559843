/** Server-side paging, sorting and filtering, the same for every list. */
import { z } from 'zod';

export const ZPageQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(20),
  sort: z.string().max(64).optional(),
  order: z.enum(['ascend', 'descend']).default('ascend'),
  q: z.string().max(200).optional(),
});
export type PageQuery = z.infer<typeof ZPageQuery>;

export function ZPage<T extends z.ZodTypeAny>(item: T) {
  return z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });
}

/**
 * An ORDER BY built only from a whitelist of sortable columns: the client names a key,
 * never a column, so nothing it sends reaches the SQL text.
 */
export function orderBy(query: Pick<PageQuery, 'sort' | 'order'>, sortable: Record<string, string>, fallback: string): string {
  const column = query.sort ? sortable[query.sort] : undefined;
  if (!column) return `order by ${fallback}`;
  return `order by ${column} ${query.order === 'descend' ? 'desc' : 'asc'} nulls last, ${fallback}`;
}

export function limitOffset(query: Pick<PageQuery, 'page' | 'pageSize'>): string {
  return `limit ${query.pageSize} offset ${(query.page - 1) * query.pageSize}`;
}

/** `%term%` for ILIKE with the wildcard characters escaped. */
export function likePattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
