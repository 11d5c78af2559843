/**
 * The Excel import of the performance review's carrier figures (绩效评价 · 载体年度数据导入): API shapes (zod)
 * of the upload's query and answer, the template's query, and one row error as the refusal lists it.
 */
import { z } from 'zod';
import { CARRIER_KINDS, REVIEW_KINDS } from '../domain/index.ts';

const ZYear = z.coerce.number().int().min(2000).max(2100);

/** `year` applies to every row; a 年度 column in the file may give it instead. */
export const ZCarrierImportQuery = z.object({ year: ZYear.optional() });
export const ZCarrierTemplateQuery = z.object({ review: z.enum(REVIEW_KINDS), year: ZYear });

export const ZCarrierImportResult = z.object({
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

/** One problem in the file: the row as the spreadsheet shows it (1 = the header), the column's header text. */
export const ZCarrierImportError = z.object({ row: z.number(), column: z.string(), value: z.string(), message: z.string() });
export type CarrierImportError = z.infer<typeof ZCarrierImportError>;
