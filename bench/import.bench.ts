/**
 * 1. Import of 100,000 actuals rows, from .csv and from .xlsx, through the real import operation
 * importValues(), on a fresh demo database each; then a re-import of the same file (which must change
 * nothing). Reference: a bare COPY of the same rows, normalised, into a table shaped like
 * indicator_values (same columns, primary key, indexes and checks) in the same database.
 */
import { getRegion, reportingUnits, type Scope } from '@kechuang/platform-server';
import { importValues, type ImportProgress, type ImportResult } from '@kechuang/indicators/server';
import { actualRows, COPY_COLUMNS, toCopyCsv, toImportCsv, toImportXlsx, type ActualRow } from './lib/actuals-file.ts';
import { openBenchDatabase, type BenchDatabase, type Mode } from './lib/database.ts';
import { record } from './lib/report.ts';
import { int, median, now, printTable, rate, ratio, secs } from './lib/stats.ts';

export const IMPORT_ROWS = 100_000;
const COPY_RUNS = 3;
const DISTRICT = '330211';

interface Files {
  rows: ActualRow[];
  csv: Buffer;
  xlsx: Buffer;
  copy: string;
}
let files: Files | undefined;

async function makeFiles(bdb: BenchDatabase): Promise<Files> {
  if (files) return files;
  const t = now();
  const units = (await reportingUnits(bdb.db, DISTRICT)).map((u) => u.code);
  const indicators = await bdb.db.query<{ code: string; unit: string; precision: number }>('select code, unit, precision from indicators order by sort, code');
  const rows = actualRows(units, indicators, IMPORT_ROWS);
  files = { rows, csv: toImportCsv(rows), xlsx: await toImportXlsx(rows), copy: toCopyCsv(rows) };
  console.log(
    `  generated ${int(rows.length)} rows (${units.length} units × ${indicators.length} indicators × ${rows[0].period}…${rows.at(-1)!.period}): ` +
      `.csv ${(files.csv.length / 1e6).toFixed(1)} MB, .xlsx ${(files.xlsx.length / 1e6).toFixed(1)} MB, in ${secs(now() - t)}`,
  );
  return files;
}

interface Timed {
  result: ImportResult;
  total: number;
  read: number;
  validate: number;
  write: number;
}

async function timedImport(bdb: BenchDatabase, actor: { id: number; username: string }, scope: Scope, file: { name: string; data: Buffer }): Promise<Timed> {
  // read ends with the last 'read' event; validate runs from there to the first 'write' event
  const marks: Partial<Record<'readEnd' | 'writeStart' | 'done', number>> = {};
  const onProgress = (p: ImportProgress) => {
    if (p.phase === 'read') marks.readEnd = now();
    if (p.phase === 'write') marks.writeStart ??= now();
    if (p.phase === 'done') marks.done ??= now();
  };
  // the import hands the bytes over to its parse worker (they are empty afterwards): each run gets a copy
  const upload = { name: file.name, data: Buffer.from(file.data) };
  const t0 = now();
  const result = await importValues(bdb.db, { id: actor.id, username: actor.username, actualsOnly: false }, scope, upload, onProgress);
  const t1 = now();
  const { readEnd = NaN, writeStart = NaN, done = NaN } = marks;
  return { result, total: t1 - t0, read: readEnd - t0, validate: writeStart - readEnd, write: done - writeStart };
}

/** The median of a few bare COPYs of the normalised rows into a same-shaped table. */
async function copyReference(bdb: BenchDatabase, csv: string): Promise<number> {
  await bdb.db.query('create table bench_copy (like indicator_values including all)');
  const runs: number[] = [];
  for (let i = 0; i < COPY_RUNS; i++) {
    if (i > 0) await bdb.db.query('truncate bench_copy');
    runs.push(await bdb.copyCsv(`bench_copy ${COPY_COLUMNS}`, csv));
  }
  const [{ n }] = await bdb.db.query<{ n: number }>('select count(*) as n from bench_copy');
  if (n !== IMPORT_ROWS) throw new Error(`bench: COPY loaded ${n} rows, expected ${IMPORT_ROWS}`);
  await bdb.db.query('drop table bench_copy');
  return median(runs);
}

export async function importBench(mode: Mode): Promise<void> {
  console.log(`\n-- 1. Import of ${int(IMPORT_ROWS)} actuals rows [${mode}] --`);
  const table: string[][] = [
    ['file', 'run', 'total', 'rows/s', 'read', 'validate', 'write', 'ins/upd/unch', 'COPY ref', 'COPY rows/s', 'e2e/COPY', 'write/COPY'],
  ];
  for (const format of ['csv', 'xlsx'] as const) {
    const bdb = await openBenchDatabase(mode);
    try {
      const f = await makeFiles(bdb);
      const scopeRegion = (await getRegion(bdb.db, DISTRICT))!;
      const scope: Scope = { kind: 'region', regionCode: scopeRegion.code, regionName: scopeRegion.name, path: scopeRegion.path };
      const [actor] = await bdb.db.query<{ id: number; username: string }>(`select id, username from users where username = 'bureau'`);
      const copyMs = await copyReference(bdb, f.copy);
      const copyRate = rate(IMPORT_ROWS, copyMs);
      const file = { name: `actuals-100k.${format}`, data: format === 'csv' ? f.csv : f.xlsx };

      const first = await timedImport(bdb, actor, scope, file);
      const again = await timedImport(bdb, actor, scope, file);
      for (const [run, t] of [
        ['import', first],
        ['re-import', again],
      ] as const) {
        const r = t.result;
        table.push([
          `.${format}`,
          run,
          secs(t.total),
          int(rate(r.rows, t.total)),
          secs(t.read),
          secs(t.validate),
          secs(t.write),
          `${int(r.inserted)}/${int(r.updated)}/${int(r.unchanged)}`,
          secs(copyMs),
          int(copyRate),
          ratio(copyMs / t.total),
          ratio(copyMs / t.write),
        ]);
      }
      if (first.result.inserted !== IMPORT_ROWS) console.log(`  NOTE: the first .${format} import inserted ${first.result.inserted}, expected ${IMPORT_ROWS}`);
      if (again.result.inserted + again.result.updated !== 0)
        console.log(`  NOTE: the .${format} re-import changed ${again.result.inserted + again.result.updated} rows; it should change none`);

      const e2eRate = rate(first.result.rows, first.total);
      record({
        bench: 'import',
        mode,
        figure: `.${format} end-to-end`,
        value: `${int(e2eRate)} rows/s`,
        reference: `COPY ${int(copyRate)} rows/s`,
        against: `×${ratio(copyMs / first.total)}`,
        goal: mode === 'embedded' ? '≥20,000 rows/s; ≥0.5' : '≥0.5',
      });
      record({
        bench: 'import',
        mode,
        figure: `.${format} write phase`,
        value: secs(first.write),
        reference: `COPY ${secs(copyMs)}`,
        against: `×${ratio(copyMs / first.write)}`,
        goal: '≥0.5',
      });
      record({
        bench: 'import',
        mode,
        figure: `.${format} read+validate`,
        value: secs(first.read + first.validate),
        reference: `COPY ${secs(copyMs)}`,
        against: `×${ratio(copyMs / (first.read + first.validate))}`,
        goal: '',
      });
      record({
        bench: 'import',
        mode,
        figure: `.${format} re-import`,
        value: `${secs(again.total)} (${int(again.result.inserted)}/${int(again.result.updated)}/${int(again.result.unchanged)})`,
        reference: `COPY ${secs(copyMs)}`,
        against: `×${ratio(copyMs / again.total)}`,
        goal: 'changes nothing',
      });
    } finally {
      await bdb.close();
    }
  }
  printTable(table);
  console.log('  total = importValues() end to end; read = parse the file; validate = catalogue, regions, every row checked;');
  console.log('  write = the one transaction; e2e/COPY and write/COPY = import speed ÷ COPY speed (1.00 = as fast as a bare COPY);');
  console.log('  COPY ref = median of 3 bare COPYs into a table like indicator_values (PK, indexes, checks; no reference checks).');
}
