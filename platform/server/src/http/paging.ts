/** Server-side paging, sorting and filtering, the same for every list. */
import type { PageQuery } from '@kechuang/platform-core';

export { ZPage, ZPageQuery, type PageQuery } from '@kechuang/platform-core';

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

/**
 * A WHERE clause built from optional filters: `add('region_code = ?', v)` appends a condition with its
 * value as the next parameter (every `?` in the condition stands for that one value).
 */
export function whereClause(params: unknown[] = []) {
  const conditions: string[] = [];
  return {
    params,
    add(condition: string, value: unknown) {
      params.push(value);
      conditions.push(condition.replaceAll('?', `$${params.length}`));
    },
    get sql() {
      return conditions.length ? `where ${conditions.join(' and ')}` : '';
    },
  };
}
