/**
 * The Excel import of the performance review's carrier figures (绩效评价 · 载体年度数据导入): API shapes (zod)
 * of the upload's query and answer and the template's query; a row error is the platform's (ImportRowError).
 */
import { z } from 'zod';
import { CARRIER_KINDS, REVIEW_KINDS } from '../domain/index.ts';

const ZYear = z.coerce.number().int().min(2000).max(2100);

/** `year` applies to every row; a 年度 column in the file may give it instead. */
export const ZCarrierImportQuery = z.object({ year: ZYear.optional() });
export const ZCarrierTemplateQuery = z.object({ review: z.enum(REVIEW_KINDS), year: ZYear });

export const ZCarrierImportResult = z.object({
  /** the run kept by the platform's import pipeline (GET /api/import-runs/:id) */
  importRunId: z.number(),
  year: z.number(),
  /** data rows read */
  rows: z.number(),
  carriersCreated: z.number(),
  /** figures inserted or changed */
  figuresWritten: z.number(),
  /** figures given with the value already stored */
  figuresUnchanged: z.number(),
  carriers: z.array(z.object({ id: z.number(), name: z.string(), kind: z.enum(CARRIER_KINDS), created: z.boolean() })),
});
export type CarrierImportResult = z.infer<typeof ZCarrierImportResult>;

/** One problem in the file: the platform's row error (row as the spreadsheet shows it, 1 = the header; the column's header text; value; reason). */
export type { ImportRowError as CarrierImportError } from '@kechuang/platform-core';
