/**
 * The shapes every import shares (the pipeline in platform/server imports/pipeline.ts): one row error, one
 * run as the history lists it, the query of a history. Zod schemas the server validates and documents with;
 * the web takes the types only.
 */
import { z } from 'zod';
import { ZPageQuery } from './paging.ts';

/**
 * One problem in an imported file: the row as the spreadsheet shows it (1 = the header), the column as the
 * file heads it, the value as typed, the reason in words; `code` when the room gave the problem a code.
 */
export const ZImportRowError = z.object({ row: z.number(), column: z.string(), value: z.string(), reason: z.string(), code: z.string().optional() });
export type ImportRowError = z.infer<typeof ZImportRowError>;

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
  errors: ImportRowError[];
}
