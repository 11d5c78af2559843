/** The registry imports' API shapes (zod): the kinds, a run's result, the run list and what a run changed. */
import { z } from 'zod';
import { ZPageQuery } from '@kechuang/platform-core';
import { REGISTRY_IMPORT_KINDS } from '../domain/import-columns.ts';

export const ZRegistryImportKind = z.enum(REGISTRY_IMPORT_KINDS);

export const ZRegistryImportResult = z.object({
  importRunId: z.number(),
  kind: ZRegistryImportKind,
  rows: z.number(),
  inserted: z.number(),
  updated: z.number(),
  unchanged: z.number(),
  rechecked: z.number(),
  warnings: z.array(z.string()),
});

export const ZRegistryImportRun = z.object({
  id: z.number(),
  kind: ZRegistryImportKind,
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

export const ZRegistryImportRunsQuery = ZPageQuery.extend({
  status: z.enum(['accepted', 'refused']).optional(),
  kind: ZRegistryImportKind.optional(),
});

/** One row an accepted run inserted or updated: an enterprise, an enterprise-year or a certificate. */
export const ZRegistryImportChange = z.object({
  uscc: z.string(),
  name: z.string().nullable(),
  target: z.enum(['enterprise', 'year', 'qualification']),
  key: z.string(),
  change: z.enum(['inserted', 'updated']),
  before: z.record(z.string(), z.unknown()).nullable(),
  after: z.record(z.string(), z.unknown()),
});
