/**
 * The two listings matching reads, as the CLI and the platform receive them: an achievement (科技成果) and
 * an enterprise's demand (技术需求). Only the text, the field and the readiness level take part in
 * matching; extra fields are ignored and every field but `id` may be missing.
 */
import { z } from 'zod';

/** technology readiness level, 1 (principle observed) … 9 (proven in production) */
export const TRL_MIN = 1;
export const TRL_MAX = 9;

const str = (max: number) => z.string({ error: '应为文本' }).max(max, `不能超过 ${max} 个字符`);
const strings = (max: number, items: number) => z.array(str(max), { error: '应为文本数组' }).max(items, `不能超过 ${items} 项`);
const id = z.string({ error: '应为文本' }).trim().min(1, '不能为空').max(100, '不能超过 100 个字符');

export const ZAchievement = z.object(
  {
    id,
    title: str(500).optional(),
    abstract: str(20_000).optional(),
    field: str(100).optional(),
    keywords: strings(100, 50).optional(),
    trl: z.number({ error: '应为 1–9 的整数' }).int('应为 1–9 的整数').min(TRL_MIN, '应为 1–9 的整数').max(TRL_MAX, '应为 1–9 的整数').optional(),
    owner: str(200).optional(),
    modes: strings(50, 10).optional(),
  },
  { error: '应为对象' },
);

export const ZDemand = z.object(
  {
    id,
    title: str(500).optional(),
    description: str(20_000).optional(),
    field: str(100).optional(),
    budget: z.union([str(100), z.number().nonnegative()], { error: '应为文本或非负数' }).optional(),
  },
  { error: '应为对象' },
);

export type Achievement = z.infer<typeof ZAchievement>;
export type Demand = z.infer<typeof ZDemand>;

/** What the engine reads of either listing: its text by part, its field and (achievements) its readiness level. */
export interface MatchText {
  id: string;
  /** the listing's kind decides how its text is read: a demand's problem words are bridged to technology words */
  kind: 'achievement' | 'demand';
  title: string;
  keywords: string[];
  body: string;
  field: string | null;
  trl: number | null;
}

export function achievementText(a: Achievement): MatchText {
  return {
    id: a.id,
    kind: 'achievement',
    title: a.title ?? '',
    keywords: a.keywords ?? [],
    body: a.abstract ?? '',
    field: a.field?.trim() || null,
    trl: a.trl ?? null,
  };
}

export function demandText(d: Demand): MatchText {
  return { id: d.id, kind: 'demand', title: d.title ?? '', keywords: [], body: d.description ?? '', field: d.field?.trim() || null, trl: null };
}
