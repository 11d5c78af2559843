/** The `rules check` input, validated: every field optional but the id and the date of the check. */
import { z } from 'zod';
import { CLASS_I, CLASS_II } from './input.ts';

const amount = z.number().finite();
const count = z.number().int().min(0);
const isoDate = z.iso.date();

export const ZEnterpriseFigures = z
  .object({
    id: z.string().min(1),
    asOf: isoDate,
    foundedOn: isoDate.optional(),
    employees: count.optional(),
    sciTechStaff: count.optional(),
    totalAssets: amount.optional(),
    keyField: z.boolean().optional(),
    ownsCoreIp: z.boolean().optional(),
    incidents: z.boolean().optional(),
    resident: z.boolean().optional(),
    industryExcluded: z.boolean().optional(),
    restrictedCatalogue: z.boolean().optional(),
    dishonestyListed: z.boolean().optional(),
    years: z
      .array(
        z.object({
          year: z.number().int().min(1949).max(2100),
          revenue: amount.min(0).optional(),
          totalIncome: amount.min(0).optional(),
          rdExpense: amount.min(0).optional(),
          rdExpenseDomestic: amount.min(0).optional(),
          highTechRevenue: amount.min(0).optional(),
          netAssets: amount.optional(),
          totalCost: amount.min(0).optional(),
        }),
      )
      .optional(),
    ip: z
      .array(
        z
          .object({
            kind: z.enum([...CLASS_I, ...CLASS_II] as [string, ...string[]]),
            acquisition: z.enum(['own', 'transferred']),
            count,
            usedInEarlierHnte: count.optional(),
          })
          .refine((h) => h.usedInEarlierHnte === undefined || h.usedInEarlierHnte <= h.count, {
            message: 'usedInEarlierHnte cannot exceed count',
            path: ['usedInEarlierHnte'],
          })
          .refine((h) => !h.usedInEarlierHnte || (CLASS_II as readonly string[]).includes(h.kind), {
            message: 'usedInEarlierHnte applies to Class II items only (Class I items may be used again)',
            path: ['usedInEarlierHnte'],
          }),
      )
      .optional(),
    conversions: z.record(z.string().regex(/^\d{4}$/), count).optional(),
    assessed: z
      .object({
        advancement: z.number().min(0).max(8).optional(),
        coreSupport: z.number().min(0).max(8).optional(),
        rdManagement: z.number().min(0).max(20).optional(),
        standards: z.number().min(0).max(2).optional(),
      })
      .optional(),
    directRoutes: z.array(z.string()).optional(),
  })
  .refine((f) => f.sciTechStaff === undefined || f.employees === undefined || f.sciTechStaff <= f.employees, {
    message: 'sciTechStaff cannot exceed employees',
    path: ['sciTechStaff'],
  });
