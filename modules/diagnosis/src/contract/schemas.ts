/** 科技体检's API shapes (zod): the request and the diagnosis as answered; also its types for the server. */
import { z } from 'zod';
import { DIAGNOSIS_INDICATORS, type DiagnosisIndicatorCode } from '../domain/diagnosis.ts';

const codes = DIAGNOSIS_INDICATORS.map((d) => d.code) as [DiagnosisIndicatorCode, ...DiagnosisIndicatorCode[]];
const ZCode = z.enum(codes);

export const ZDiagnosisParams = z.object({ enterpriseId: z.coerce.number().int().positive() });
export const ZDiagnosisQuery = z.object({ year: z.coerce.number().int().min(1900).max(2100).optional() });

export const ZDiagnosisIndicator = z.object({
  code: ZCode,
  label: z.string(),
  unit: z.string(),
  direction: z.union([z.literal(1), z.literal(-1)]),
  value: z.number().nullable(),
  percentile: z.number().nullable(),
  median: z.number().nullable(),
  q1: z.number().nullable(),
  q3: z.number().nullable(),
  peerCount: z.number().int(),
  verdict: z.enum(['strength', 'weakness', 'typical', 'missing', 'insufficient']),
});

export const ZDiagnosisResponse = z.object({
  enterprise: z.object({ id: z.number(), uscc: z.string(), name: z.string(), regionName: z.string(), industryCode: z.string().nullable() }),
  year: z.number().int().nullable().describe('the year diagnosed: the one asked, else the newest with figures; null when there are none'),
  years: z.array(z.number().int()).describe('the years with figures, newest first'),
  isConfirmed: z.boolean().describe("the year's figures are confirmed by the bureau (false: an unconfirmed self-report)"),
  peers: z.object({
    level: z.enum(['division', 'section', 'none']),
    industry: z.string().nullable(),
    band: z.enum(['micro', 'small', 'medium', 'large']).nullable(),
    count: z.number().int(),
    description: z.string(),
    isSufficient: z.boolean(),
    minPeers: z.number().int(),
  }),
  indicators: z.array(ZDiagnosisIndicator),
  strengths: z.array(ZCode),
  weaknesses: z.array(ZCode),
  advice: z.array(z.string()),
});
export type DiagnosisResponse = z.infer<typeof ZDiagnosisResponse>;
