/**
 * A run on an uploaded table (DATA.csv or .xlsx: an id column and one column per indicator code, as the
 * CLI reads it) with a saved scheme that belongs to no preset — an institute's or incubator's own figures.
 * The table is read as the CLI reads it (text in a numeric column, a missing column, a repeated id are
 * refused naming the column and row); an optional name column labels the entities.
 */
import { z } from 'zod';
import { AppError } from '@kechuang/platform-core';
import { evaluationError } from './errors.ts';
import { cellText, readTableOffThread, type Actor, type Db, type Upload } from '@kechuang/platform-server';
import { IndexError, leaves, tableFromRecords } from '../domain/index.ts';
import { ZTier, type ZUploadRunQuery } from '../contract/schemas.ts';
import { getSchemeRow } from '../db/scheme-queries.ts';
import { checkScheme } from './check-scheme.ts';
import { evaluate } from './compute-off-thread.ts';
import { effectiveOptions, planOf } from './create-run.ts';
import { storeRun } from './store-run.ts';

const LABEL_COLUMNS = ['name', '名称', '单位名称', '企业名称'];

function parseTiers(text: string | undefined): z.infer<typeof ZTier>[] | undefined {
  if (text === undefined || text.trim() === '') return undefined;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw evaluationError('EVAL_TIERS_INVALID', {
      params: { problem: '应为 JSON，如 [{"name":"A","size":5}]' },
      message: { zh: '入选档次 tiers 应为 JSON，如 [{"name":"A","size":5}]', en: 'Tiers should be JSON, such as [{"name":"A","size":5}]' },
      details: { field: 'tiers' },
    });
  }
  const r = z.array(ZTier).max(5).safeParse(json);
  if (!r.success) throw evaluationError('EVAL_TIERS_INVALID', { params: { problem: r.error.issues[0].message }, details: { field: 'tiers' } });
  return r.data;
}

export async function createUploadRun(db: Db, actor: Actor, file: Upload, q: z.infer<typeof ZUploadRunQuery>): Promise<{ id: number }> {
  const started = performance.now();
  const saved = await getSchemeRow(db, q.schemeId);
  if (!saved) throw evaluationError('EVAL_SCHEME_NOT_FOUND', { params: { id: q.schemeId }, details: { field: 'schemeId', value: q.schemeId } });
  if (saved.preset !== null)
    throw evaluationError('EVAL_SCHEME_IS_PRESET', { params: { name: saved.name }, details: { field: 'schemeId', value: q.schemeId } });
  const checked = await checkScheme(db, saved.scheme, null);
  const tiers = parseTiers(q.tiers);
  // read in a parse worker (platform/server imports/parse-pool.ts); file.data is handed over to it
  const sheet = await readTableOffThread(file);
  if (sheet.rows.length === 0) throw new AppError('IMPORT_EMPTY', { details: { file: file.name } });
  const header = sheet.headers.map((h) => h.trim());
  const rows = sheet.rows.map((r) => header.map((_, k) => cellText(r.cells[k])));
  const table = tableFromRecords(header, rows, checked.columns, { idColumn: q.idColumn, firstRow: sheet.rows[0].row });
  const labelAt = q.labelColumn ? header.indexOf(q.labelColumn) : header.findIndex((h) => LABEL_COLUMNS.includes(h));
  if (q.labelColumn && labelAt < 0) throw new IndexError('DATA_COLUMN_MISSING', `数据缺少名称列 ${q.labelColumn}`, { columns: [q.labelColumn] });
  const options = effectiveOptions(
    { samples: q.samples, seed: q.seed, perturbation: q.perturbation, tiers },
    { tiers: [], tieBreak: [] },
    new Set(checked.nodes.map((n) => n.id)),
  );
  const input = {
    source: { kind: 'upload' as const, label: `${file.name} · ${rows.length} 行`, fileName: file.name },
    table,
    labels: rows.map((r, i) => (labelAt >= 0 && r[labelAt] ? r[labelAt] : table.ids[i])),
    regions: rows.map(() => null),
  };
  const readMs = performance.now() - started;
  const evaluated = await evaluate(saved.scheme, table, planOf(options), leaves(checked.scheme.root).length);
  return storeRun(db, actor, {
    name: q.name || `${saved.name} · ${file.name}`,
    preset: null,
    schemeId: saved.id,
    scheme: saved.scheme,
    options,
    input,
    evaluated,
    warnings: evaluated.warnings,
    rerunOf: null,
    readMs,
  });
}
