/**
 * The shapes every import shares (the pipeline in platform/server imports/pipeline.ts): one row error, one
 * run as the history lists it, the query of a history. Zod schemas the server validates and documents with;
 * the web takes the types only.
 */
import { z } from 'zod';
import type { Localized, MessageLang } from './errors.ts';
import { ZPageQuery } from './paging.ts';

/**
 * One problem in an imported file, as answered: the row as the spreadsheet shows it (1 = the header), the
 * column as the file heads it, the value as typed, the reason in the request's language; `code` when the
 * room gave the problem a code (every room does since issue 10; runs kept before then have the reason only).
 */
export const ZImportRowError = z.object({ row: z.number(), column: z.string(), value: z.string(), reason: z.string(), code: z.string().optional() });

/** a row error's fact: a number, a text as typed (a name, a value), or words of our own in both languages */
export type RowParam = string | number | Localized;
export type RowParams = Record<string, RowParam>;

/**
 * A row error as a room builds it and the run stores it: its code and facts (`params`), rendered in the
 * reader's language when the run's errors are read (renderRowError), and its reason in Chinese, kept for
 * readers that do not render (and all a run kept before the codes has).
 */
export interface ImportRowError {
  row: number;
  column: string;
  value: string;
  reason: string;
  code?: string;
  params?: RowParams;
}

/** a room's words for its row errors' codes: `{name}` filled from the error's params */
export type RowErrorTable<C extends string> = Readonly<Record<C, Localized>>;

const rowWords = new Map<string, Localized>();

/** fills `{name}` placeholders in one language; a placeholder without a value stays as it is */
export function fillRowMessage(template: string, params: RowParams | undefined, lang: MessageLang): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (m, name: string) => {
    const v = params[name];
    return v === undefined ? m : typeof v === 'object' ? v[lang] : String(v);
  });
}

/**
 * A room's row-error constructor over its table (which it registers, so that the runs' readers can render
 * its codes): `const rowError = rowErrorsOf(CARRIER_ROW_ERRORS)`, then
 * `errors.push(rowError(row, column, value, 'CAR_ROW_NEGATIVE', { label }))`.
 */
export function rowErrorsOf<C extends string>(table: RowErrorTable<C>) {
  for (const [code, words] of Object.entries<Localized>(table)) rowWords.set(code, words);
  return (row: number, column: string, value: string, code: C, params?: RowParams): ImportRowError => {
    const e: ImportRowError = { row, column, value, reason: fillRowMessage(table[code].zh, params, 'zh'), code };
    if (params) e.params = params;
    return e;
  };
}

/** A stored row error as answered in `lang`: its code's words with its facts, or the stored reason (a code no room registered, a run kept before the codes). */
export function renderRowError(e: ImportRowError, lang: MessageLang): z.infer<typeof ZImportRowError> {
  const words = e.code === undefined ? undefined : rowWords.get(e.code);
  const out: z.infer<typeof ZImportRowError> = {
    row: e.row,
    column: e.column,
    value: e.value,
    reason: words ? fillRowMessage(words[lang], e.params, lang) : e.reason,
  };
  if (e.code !== undefined) out.code = e.code;
  return out;
}

export const ZImportRun = z.object({
  id: z.number(),
  /** the room's kind of import (indicatorValues, registryYears, carrierFigures …) */
  kind: z.string(),
  fileName: z.string(),
  username: z.string().nullable(),
  at: z.string(),
  status: z.enum(['accepted', 'refused']),
  rowCount: z.number(),
  inserted: z.number(),
  updated: z.number(),
  unchanged: z.number(),
  errorCount: z.number(),
});
export type ImportRun = z.infer<typeof ZImportRun>;

/** A history of runs: `kind` one kind or several, comma-separated. */
export const ZImportRunsQuery = ZPageQuery.extend({
  kind: z.string().min(1).max(200),
  status: z.enum(['accepted', 'refused']).optional(),
});
export type ImportRunsQuery = z.infer<typeof ZImportRunsQuery>;

/** What a refused import's 422 (IMPORT_INVALID) carries in `details`: its run, how many errors, the first of them (all are kept with the run). */
export interface ImportRefusalDetails {
  importRunId: number;
  errorCount: number;
  errors: z.infer<typeof ZImportRowError>[];
}
