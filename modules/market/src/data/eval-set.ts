/**
 * The labelled evaluation set (data/eval/): achievements.json and demands.json in the CLI's input form
 * (each demand with its `kind` of hard case), and judgments.tsv — one graded pair a line,
 * `demand <tab> achievement <tab> grade 0–3 [<tab> note]`; unlisted pairs are 0.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { ZAchievement, ZDemand, type Achievement, type Demand } from '../domain/index.ts';
import { DATA_DIR } from './paths.ts';

export const CASE_KINDS = ['plain', 'synonym', 'symptom', 'distractor'] as const;
export type CaseKind = (typeof CASE_KINDS)[number];

const ZEvalDemand = ZDemand.extend({ kind: z.enum(CASE_KINDS) });
export type EvalDemand = Demand & { kind: CaseKind };

export interface EvalSet {
  achievements: Achievement[];
  demands: EvalDemand[];
  /** demand → achievement → grade (only graded pairs) */
  judgments: Map<string, Map<string, number>>;
}

export const EVAL_DIR = path.join(DATA_DIR, 'eval');

export function loadEvalSet(dir = EVAL_DIR): EvalSet {
  const achievements = z.array(ZAchievement).parse(JSON.parse(readFileSync(path.join(dir, 'achievements.json'), 'utf8')));
  const demands = z.array(ZEvalDemand).parse(JSON.parse(readFileSync(path.join(dir, 'demands.json'), 'utf8')));
  const aIds = new Set(achievements.map((a) => a.id));
  const dIds = new Set(demands.map((d) => d.id));
  const judgments = new Map<string, Map<string, number>>();
  readFileSync(path.join(dir, 'judgments.tsv'), 'utf8').split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === '' || line.startsWith('#')) return;
    const [d, a, g] = line.split('\t');
    const grade = Number(g);
    if (!dIds.has(d) || !aIds.has(a) || !Number.isInteger(grade) || grade < 0 || grade > 3) {
      throw new Error(`judgments.tsv 第 ${i + 1} 行有误：${line}`);
    }
    if (!judgments.has(d)) judgments.set(d, new Map());
    if (judgments.get(d)!.has(a)) throw new Error(`judgments.tsv 第 ${i + 1} 行：${d} ${a} 重复评分`);
    judgments.get(d)!.set(a, grade);
  });
  return { achievements, demands, judgments };
}
