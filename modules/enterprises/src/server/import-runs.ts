/**
 * The registry's import runs (accepted and refused), paged and filtered; one run's row errors as a
 * spreadsheet; what an accepted run changed, before and after. The bureau sees every registry run, a
 * town officer only their own (the same rule as the indicator imports').
 */
import type { z } from 'zod';
import type { MessageLang } from '@kechuang/platform-core';
import {
  findImportRunsOf,
  importErrorsReport,
  likePattern,
  limitOffset,
  orderBy,
  visibleImportRun,
  whereClause,
  writeXlsx,
  type Actor,
  type Db,
  type PageQuery,
} from '@kechuang/platform-server';
import type { ZRegistryImportChange, ZRegistryImportRun } from '../contract/import-schemas.ts';
import { IMPORT_COLUMNS, IMPORT_KIND_LABELS, REGISTRY_IMPORT_KINDS, type RegistryImportKind } from '../domain/import-rows.ts';
import { RUN_KINDS } from './import-lookups.ts';
import { figuresJson } from './import-years.ts';
import { registryImportKinds } from './import-registry.ts';

export type RegistryImportRun = z.infer<typeof ZRegistryImportRun>;
export type RegistryImportChange = z.infer<typeof ZRegistryImportChange>;

const REGISTRY_RUN_KINDS = Object.values(RUN_KINDS);
const kindLabel = (runKind: string) => IMPORT_KIND_LABELS[REGISTRY_IMPORT_KINDS.find((k) => RUN_KINDS[k] === runKind)!];
const KIND_OF_RUN = new Map(REGISTRY_IMPORT_KINDS.map((k) => [RUN_KINDS[k], k]));

/** The room's list of its runs (GET /api/enterprises/import-runs, kept for its clients): the platform's history of its kinds, each named as the registry names it. */
export async function findRegistryImportRuns(db: Db, actor: Actor, q: PageQuery & { status?: 'accepted' | 'refused'; kind?: RegistryImportKind }) {
  const page = await findImportRunsOf(db, actor, registryImportKinds, { ...q, kind: (q.kind ? [RUN_KINDS[q.kind]] : REGISTRY_RUN_KINDS).join(',') });
  return { ...page, items: page.items.map((r): RegistryImportRun => ({ ...r, kind: KIND_OF_RUN.get(r.kind)! })) };
}

/** A refused run's row errors as a spreadsheet; the bureau sees every registry run, a town officer their own. */
export async function registryImportErrorsXlsx(db: Db, actor: Actor, id: number, lang: MessageLang = 'zh'): Promise<{ fileName: string; data: Buffer }> {
  const run = await visibleImportRun(db, actor, id, REGISTRY_RUN_KINDS);
  return importErrorsReport(run, lang === 'zh' ? kindLabel(run.kind) : '', lang);
}

/**
 * What an accepted run changed: its updates and inserted enterprises and certificates with before/after
 * (enterprise_import_changes), and the enterprise-years it inserted, which carry its run id (a year a
 * later run changed shows there, in that run's updates, with this run's figures as the ones before).
 */
export async function findRegistryImportChanges(db: Db, actor: Actor, id: number, q: PageQuery) {
  await visibleImportRun(db, actor, id, REGISTRY_RUN_KINDS);
  const changes = `
    select c.uscc, c.target, c.key, c.before, c.after from enterprise_import_changes c where c.import_run_id = $1
    union all
    select e.uscc, 'year', y.year::text, null, ${figuresJson((c) => `y.${c}`)} || jsonb_build_object('source', y.source, 'confirmed', y.confirmed)
      from enterprise_years y join enterprises e on e.id = y.enterprise_id
     where y.import_run_id = $1
       and not exists (select 1 from enterprise_import_changes c where c.import_run_id = $1 and c.target = 'year' and c.uscc = e.uscc and c.key = y.year::text)`;
  const where = whereClause([id]);
  if (q.q) where.add('(x.uscc ilike ? or e.name ilike ?)', likePattern(q.q));
  const from = `from (${changes}) x left join enterprises e on e.uscc = x.uscc ${where.sql}`;
  const [{ total }] = await db.query<{ total: number }>(`select count(*) as total ${from}`, where.params);
  const items = await db.query<RegistryImportChange>(
    `select x.uscc, e.name, x.target, x.key, case when x.before is null then 'inserted' else 'updated' end as change, x.before, x.after ${from}
     ${orderBy(q, { uscc: 'x.uscc', name: 'e.name', key: 'x.key', change: 'x.before is null' }, 'x.uscc, x.target, x.key')} ${limitOffset(q)}`,
    where.params,
  );
  return { items, total, page: q.page, pageSize: q.pageSize };
}

const FIELD_LABELS = new Map<string, string>([
  ...Object.values(IMPORT_COLUMNS)
    .flat()
    .map((c): [string, string] => [c.field, c.zh]),
  ['regionCode', '所属镇街'],
  ['chainTags', '产业链'],
  ['source', '数据来源'],
  ['confirmed', '已确认'],
  ['status', '状态'],
]);

/** The changes as a sheet: one line per row changed, its fields before → after. */
export function registryImportChangesXlsx(items: RegistryImportChange[], lang: MessageLang = 'zh'): Promise<Buffer> {
  const zh = lang === 'zh';
  // in English a field is named by its code, as the import reads it
  const describe = (c: RegistryImportChange) =>
    Object.entries(c.after)
      .filter(([k, v]) => !c.before || JSON.stringify(c.before[k]) !== JSON.stringify(v))
      .map(
        ([k, v]) =>
          `${zh ? (FIELD_LABELS.get(k) ?? k) : k}${zh ? '：' : ': '}${c.before ? `${JSON.stringify(c.before[k] ?? null)} → ` : ''}${JSON.stringify(v)}`,
      )
      .join(zh ? '；' : '; ');
  return writeXlsx([
    {
      name: zh ? '导入变更明细' : 'Changes',
      columns: [
        { header: zh ? '统一社会信用代码' : 'USCC', key: 'uscc', width: 22 },
        { header: zh ? '企业名称' : 'Name', key: 'name', width: 32 },
        { header: zh ? '对象' : 'Record', key: 'targetLabel', width: 12 },
        { header: zh ? '键' : 'Key', key: 'key', width: 22 },
        { header: zh ? '变更' : 'Change', key: 'changeLabel', width: 8 },
        { header: zh ? '内容（修改前 → 修改后）' : 'Content (before → after)', key: 'detail', width: 100 },
      ],
      rows: items.map((c) => ({
        ...c,
        targetLabel: (zh
          ? { enterprise: '企业信息', year: '年度数据', qualification: '资质' }
          : { enterprise: 'enterprise', year: 'year', qualification: 'qualification' })[c.target],
        changeLabel: c.change === 'inserted' ? (zh ? '新增' : 'inserted') : zh ? '更新' : 'updated',
        detail: describe(c),
      })),
    },
  ]);
}
