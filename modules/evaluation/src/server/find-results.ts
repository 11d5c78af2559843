/**
 * A run's results, paged and sorted on the server (rank, score, any group's score, median rank …), with
 * each entity's label and region from the frozen input; the entities not scored and why; and the export.
 */
import type { z } from 'zod';
import type { MessageLang } from '@kechuang/platform-core';
import { likePattern, limitOffset, orderBy, whereClause, writeXlsx, type Db } from '@kechuang/platform-server';
import type { ZResultItem, ZResultQuery } from '../contract/schemas.ts';
import { bureauDateTime, methodLabel } from '../domain/index.ts';
import type { RunRow } from '../db/run-queries.ts';
import { explainRun, groupingColumns } from './explain-run.ts';
import { mcNote, pick, stabilityCells, wordsLang } from './export-words.ts';
import { columnsOf, nameIn, reasonsFor, schemeOf } from './run-words.ts';
import { isStable } from './stability.ts';

type ResultItem = z.infer<typeof ZResultItem>;
type ResultQuery = z.infer<typeof ZResultQuery>;

const literal = (s: string) => `'${s.replace(/'/g, "''")}'`;
const groupIds = (run: RunRow) => run.summary.nodes.filter((n) => n.kind === 'group' && n.parent !== null).map((n) => n.id);

function resultWhere(run: RunRow, q: Partial<ResultQuery>) {
  const where = whereClause();
  where.add('res.run_id = ?', run.id);
  if (q.q) where.add('(i.label ilike ? or i.entity_id ilike ?)', likePattern(q.q));
  if (q.tier) where.add('res.tier = ?', q.tier);
  if (q.finalists !== undefined) where.add(q.finalists ? '(res.tier is not null) = ?' : '(res.tier is null) = ?', true);
  if (q.region) where.add('rg.path like ?', `%/${q.region}/%`);
  return where;
}

const FROM = `evaluation_results res join evaluation_run_inputs i on i.run_id = res.run_id and i.entity_id = res.entity_id left join regions rg on rg.code = i.region_code`;

export async function findResults(db: Db, run: RunRow, q: ResultQuery) {
  const where = resultWhere(run, q);
  const sql = `from ${FROM} ${where.sql}`;
  const [{ total }] = await db.query<{ total: number }>(`select count(*) as total ${sql}`, where.params);
  const sortable: Record<string, string> = {
    rank: 'res.rank',
    score: 'res.score',
    label: 'i.label',
    regionName: 'rg.name',
    medianRank: 'res.median_rank',
    rankP95: 'res.rank_p95',
    place: 'res.place',
  };
  for (const g of groupIds(run)) sortable[`groups.${g}`] = `(res.node_scores->>${literal(g)})::float8`;
  const rows = await db.query<Omit<ResultItem, 'groups'> & { nodeScores: Record<string, number | null> }>(
    `select res.entity_id as "entityId", i.label, i.region_code as "regionCode", rg.name as "regionName", res.score, res.rank, res.tier, res.place,
            res.tied_at_cutoff as "tiedAtCutoff", res.median_rank as "medianRank", res.rank_p05 as "rankP05", res.rank_p95 as "rankP95", res.node_scores as "nodeScores"
     ${sql} ${orderBy(q, sortable, 'res.rank, i.row_no')} ${limitOffset(q)}`,
    where.params,
  );
  const groups = groupIds(run);
  const items: ResultItem[] = rows.map(({ nodeScores, ...r }) => ({ ...r, groups: Object.fromEntries(groups.map((g) => [g, nodeScores[g] ?? null])) }));
  return { items, total, page: q.page, pageSize: q.pageSize };
}

export async function findExcluded(db: Db, run: RunRow, q: Pick<ResultQuery, 'page' | 'pageSize' | 'q'>) {
  const where = whereClause();
  where.add('i.run_id = ? and i.excluded is not null', run.id);
  if (q.q) where.add('(i.label ilike ? or i.entity_id ilike ? or i.excluded ilike ?)', likePattern(q.q));
  const sql = `from evaluation_run_inputs i left join regions rg on rg.code = i.region_code ${where.sql}`;
  const [{ total }] = await db.query<{ total: number }>(`select count(*) as total ${sql}`, where.params);
  const rows = await db.query<{ entityId: string; label: string; regionName: string | null; reason: string; figures: Record<string, number | null> }>(
    `select i.entity_id as "entityId", i.label, rg.name as "regionName", i.excluded as reason, i.figures ${sql} order by i.row_no ${limitOffset(q)}`,
    where.params,
  );
  const reasons = reasonsFor(run, schemeOf(run), await columnsOf(db, run.preset));
  const items = rows.map(({ figures, ...r }) => ({ ...r, reason: reasons.of(figures, r.reason) ?? r.reason }));
  return { items, total, page: q.page, pageSize: q.pageSize };
}

const round = (x: number | null, d = 2) => (x === null ? null : Math.round(x * 10 ** d) / 10 ** d);

/**
 * The results, the entities not scored and the weights as .xlsx: headers and words in the user's language (names and
 * reasons as stored), times in the bureau's zone, scores to 2 places.
 */
export async function resultsXlsx(db: Db, run: RunRow, q: ResultQuery, lang: MessageLang = 'zh'): Promise<Buffer> {
  const { items } = await findResults(db, run, { ...q, page: 1, pageSize: 1_000_000 });
  const groups = run.summary.nodes.filter((n) => n.kind === 'group' && n.parent !== null);
  const excluded = await findExcluded(db, run, { page: 1, pageSize: 1_000_000 });
  const columns = await columnsOf(db, run.preset);
  const mc = run.summary.sensitivity;
  const columnNames = groupingColumns(run, nameIn(columns));
  const explained = mc ? await explainRun(db, run) : null;
  const nodeName = new Map(run.summary.nodes.map((n) => [n.id, n.name ?? (n.indicator ? nameIn(columns)(n.indicator) : n.id)]));
  const scale = run.summary.scale;
  const who = (name: string | null, username: string | null) => name ?? username ?? '';
  const w = (zh: string, en: string) => pick(lang, zh, en);
  const [computedBy, computedAt] = [who(run.computedByName, run.computedBy), bureauDateTime(run.computedAt)];
  const [publishedBy, publishedAt] = [who(run.publishedByName, run.publishedBy), run.publishedAt ? bureauDateTime(run.publishedAt) : ''];
  const counts =
    lang === 'en'
      ? `${run.scoredCount} scored, ${run.inputCount - run.scoredCount} not scored; computed by ${computedBy} at ${computedAt}${run.publishedAt ? `; published by ${publishedBy} at ${publishedAt}` : ''} (Beijing time)`
      : `参评 ${run.scoredCount} 个，未参评 ${run.inputCount - run.scoredCount} 个；${computedBy} 于 ${computedAt} 计算${run.publishedAt ? `；${publishedBy} 于 ${publishedAt} 发布` : ''}（北京时间）`;
  const total = w('总分', 'Score');
  return writeXlsx([
    {
      name: w('评价结果', 'Results'),
      notes: [`${run.name} · ${run.source.label}`, counts, ...(mc ? [mcNote(mc, columnNames, lang)] : [])],
      columns: [
        { header: w('排名', 'Rank'), key: 'rank', width: 6 },
        { header: w('编号', 'ID'), key: 'entityId', width: 12 },
        { header: w('名称', 'Name'), key: 'label', width: 34 },
        { header: w('镇街/园区', 'Town or park'), key: 'regionName', width: 14 },
        {
          header: scale ? (lang === 'en' ? `${total} (${scale[0]}–${scale[1]})` : `${total}（${scale[0]}–${scale[1]} 分）`) : total,
          key: 'score',
          width: 12,
          numFmt: '0.00',
        },
        ...groups.map((g) => ({ header: nodeName.get(g.id)!, key: `g:${g.id}`, width: 12, numFmt: '0.00' })),
        { header: run.summary.grades?.length ? w('等级', 'Grade') : w('入选档次', 'Tier'), key: 'tier', width: 22 },
        { header: w('名次', 'Place'), key: 'place', width: 6 },
        ...(mc
          ? [
              { header: w('排名区间', 'Rank band'), key: 'band', width: 18 },
              { header: w('稳定性', 'Stability'), key: 'stability', width: 34 },
              { header: w('主要影响', 'What moves it'), key: 'driver', width: 60 },
            ]
          : []),
      ],
      rows: items.map((r) => ({
        ...r,
        score: round(r.score),
        ...Object.fromEntries(groups.map((g) => [`g:${g.id}`, round(r.groups[g.id] ?? null)])),
        ...(mc ? stabilityCells({ ...r, isStable: r.tier === null ? null : isStable(run, r) }, explained?.get(r.entityId), mc, columnNames, lang) : {}),
      })),
    },
    {
      name: w('未参评', 'Not scored'),
      columns: [
        { header: w('编号', 'ID'), key: 'entityId', width: 12 },
        { header: w('名称', 'Name'), key: 'label', width: 34 },
        { header: w('镇街/园区', 'Town or park'), key: 'regionName', width: 14 },
        { header: w('原因', 'Reason'), key: 'reason', width: 60 },
      ],
      rows: excluded.items,
    },
    {
      name: w('权重', 'Weights'),
      columns: [
        { header: w('分组', 'Group'), key: 'group', width: 24 },
        { header: w('赋权方法', 'Weighting'), key: 'method', width: 12 },
        { header: w('汇总方法', 'Aggregation'), key: 'aggregation', width: 16 },
        { header: w('指标或下级分组', 'Indicator or subgroup'), key: 'child', width: 32 },
        { header: w('组内权重', 'Weight in group'), key: 'weight', width: 10, numFmt: '0.0%' },
        { header: w('一致性比率 CR', 'Consistency ratio CR'), key: 'cr', width: 12, numFmt: '0.000' },
      ],
      rows: run.summary.weights.flatMap((g) =>
        g.children.map((c, k) => ({
          group: nodeName.get(g.id) ?? g.id,
          method: methodLabel('weighting', g.method, wordsLang(lang)),
          aggregation: methodLabel('aggregation', g.aggregation, wordsLang(lang)),
          child: nodeName.get(c.id) ?? c.id,
          weight: round(c.weight, 4),
          cr: k === 0 ? (g.cr ?? null) : null,
        })),
      ),
    },
  ]);
}
