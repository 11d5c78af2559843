/**
 * The published lists (Top10 评选, the towns' scoreboards, the performance reviews' grades): which runs are published, and one list as
 * this user may see it — bureau and leaders the whole list, a town officer the entries of their town
 * (an entity with no region, from an uploaded table, is not shown to a town officer) — each entry with what
 * moves its rank (explain-run.ts); and the list as .xlsx, in Chinese, times in the bureau's zone.
 */
import type { z } from 'zod';
import type { MessageLang } from '@kechuang/platform-core';
import { writeXlsx, type Actor, type Db } from '@kechuang/platform-server';
import { bureauDate, bureauDateTime } from '../domain/index.ts';
import type { PresetCode, PublishedEntry, RunSource, RunSummary, ZPublishedList } from '../contract/schemas.ts';
import { getRunRow } from '../db/run-queries.ts';
import { explainRun, groupingColumns } from './explain-run.ts';
import { evaluationError } from './errors.ts';
import { mcNote, pick, stabilityCells } from './export-words.ts';
import { columnsOf, nameIn } from './run-words.ts';

interface PublishedRow {
  runId: number;
  name: string;
  preset: PresetCode | null;
  source: RunSource;
  publishedBy: string | null;
  publishedByName: string | null;
  publishedAt: string;
  count: number;
}

const COLUMNS = `r.id as "runId", r.name, r.preset, r.source, pu.username as "publishedBy", pu.display_name as "publishedByName",
  to_json(r.published_at) #>> '{}' as "publishedAt", jsonb_array_length(r.published) as count`;

export async function findPublished(db: Db, preset: PresetCode | 'upload' | undefined): Promise<PublishedRow[]> {
  return db.query<PublishedRow>(
    `select ${COLUMNS} from evaluation_runs r left join users pu on pu.id = r.published_by
      where r.status = 'published' ${preset ? `and coalesce(r.preset, 'upload') = $1` : ''} order by r.published_at desc, r.id desc limit 200`,
    preset ? [preset] : [],
  );
}

export async function getPublished(db: Db, actor: Actor, runId: number): Promise<z.infer<typeof ZPublishedList>> {
  const [row] = await db.query<PublishedRow & { published: PublishedEntry[]; summary: RunSummary }>(
    `select ${COLUMNS}, r.published, r.summary from evaluation_runs r left join users pu on pu.id = r.published_by where r.id = $1 and r.status = 'published'`,
    [runId],
  );
  if (!row) throw evaluationError('EVAL_PUBLISHED_NOT_FOUND', { params: { id: runId }, details: { field: 'runId', value: runId } });
  const { published, summary, ...rest } = row;
  let items = published;
  if (actor.role === 'townOfficer') {
    const scope = actor.scope;
    const codes = [...new Set(published.map((e) => e.regionCode).filter((c): c is string => c !== null))];
    const paths = new Map(
      (await db.query<{ code: string; path: string }>('select code, path from regions where code = any($1::text[])', [codes])).map((r) => [r.code, r.path]),
    );
    items = published.filter((e) => scope.kind === 'region' && e.regionCode !== null && (paths.get(e.regionCode) ?? '').startsWith(scope.path));
  }
  const tiers = (summary.tiers ?? []).map((t) => ({ name: t.name, size: t.size, count: published.filter((e) => e.tier === t.name).length }));
  const grades = summary.grades?.map((g) => ({ grade: g.grade, count: published.filter((e) => e.tier === g.grade).length })) ?? null;
  const mc = summary.sensitivity;
  let sensitivity = null;
  if (mc) {
    const run = (await getRunRow(db, runId))!;
    const explained = await explainRun(db, run);
    items = items.map((e) => ({ ...e, explanation: explained?.get(e.entityId) ?? null }));
    sensitivity = {
      samples: mc.samples,
      seed: mc.seed,
      perturbation: mc.perturbation,
      alternatives: mc.alternatives,
      columnNames: groupingColumns(run, nameIn(await columnsOf(db, run.preset))),
    };
  }
  return { ...rest, tiers, grades, scale: summary.scale, sensitivity, items };
}

export async function publishedXlsx(db: Db, actor: Actor, runId: number, lang: MessageLang = 'zh'): Promise<{ fileName: string; data: Buffer }> {
  const list = await getPublished(db, actor, runId);
  const hasTiers = list.tiers.length > 0;
  const mc = list.sensitivity;
  const columnNames = mc?.columnNames ?? {};
  const w = (zh: string, en: string) => pick(lang, zh, en);
  const total = w('总分', 'Score');
  const score = list.scale ? (lang === 'en' ? `${total} (${list.scale[0]}–${list.scale[1]})` : `${total}（${list.scale[0]}–${list.scale[1]} 分）`) : total;
  const by = list.publishedByName ?? list.publishedBy ?? '';
  const mine = list.items.length < list.count;
  const published =
    lang === 'en'
      ? `Published by ${by} at ${bureauDateTime(list.publishedAt)} (Beijing time); ${list.count} in all${mine ? `, of which this sheet holds the ${list.items.length} in your jurisdiction` : ''}`
      : `${by} 于 ${bureauDateTime(list.publishedAt)} 发布（北京时间）；共 ${list.count} 个${mine ? `，本表为您辖区内的 ${list.items.length} 个` : ''}`;
  const data = await writeXlsx([
    {
      name: hasTiers ? w('入选名单', 'Selected') : w('排名', 'Ranking'),
      notes: [`${list.name} · ${list.source.label}`, published, ...(mc ? [mcNote(mc, columnNames, lang)] : [])],
      columns: [
        ...(hasTiers
          ? [
              { header: w('档次', 'Tier'), key: 'tier', width: 24 },
              { header: w('名次', 'Place'), key: 'place', width: 6 },
            ]
          : []),
        ...(list.grades ? [{ header: w('等级', 'Grade'), key: 'tier', width: 6 }] : []),
        { header: w('排名', 'Rank'), key: 'rank', width: 6 },
        { header: w('名称', 'Name'), key: 'label', width: 36 },
        { header: w('镇街/园区', 'Town or park'), key: 'regionName', width: 14 },
        { header: score, key: 'score', width: 12, numFmt: '0.00' },
        ...(mc
          ? [
              { header: w('排名区间', 'Rank band'), key: 'band', width: 18 },
              { header: w('稳定性', 'Stability'), key: 'stability', width: 34 },
              { header: w('主要影响', 'What moves it'), key: 'driver', width: 60 },
            ]
          : []),
      ],
      rows: list.items.map((e) => ({ ...e, score: Math.round(e.score * 100) / 100, ...stabilityCells(e, e.explanation, mc, columnNames, lang) })),
    },
  ]);
  return { fileName: `${list.name}_${bureauDate(list.publishedAt)}.xlsx`, data };
}
