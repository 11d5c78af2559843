/**
 * Rooms own their tables (issue 10 item 3; docs/adr/0007-rooms-own-their-tables.md): each room lists its tables
 * in db/tables.ts, matching the migrations that create them, and its SQL names only those and the platform's
 * shared ones (platform/server/src/db/tables.ts); anything else it reaches through the owner's exports. The
 * SQL is every string and template literal of a room's non-test, non-web .ts files.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { SHARED_TABLES, TABLES as PLATFORM } from '@kechuang/platform-server/tables';
import { TABLES as INDICATORS } from '@kechuang/indicators/tables';
import { FUNCTIONS as ENTERPRISE_FUNCTIONS, TABLES as ENTERPRISES } from '@kechuang/enterprises/tables';
import { TABLES as ELIGIBILITY } from '@kechuang/eligibility/tables';
import { TABLES as EVALUATION } from '@kechuang/evaluation/tables';
import { TABLES as CARRIERS } from '@kechuang/carriers/tables';
import { TABLES as DIAGNOSIS } from '@kechuang/diagnosis/tables';
import { TABLES as MARKET } from '@kechuang/market/tables';
import { TABLES as TECH_CONTRACTS } from '@kechuang/tech-contracts/tables';

const ROOT = path.resolve(import.meta.dirname, '../../../..');

interface Owner {
  name: string;
  /** source folder, from the repository's root */
  dir: string;
  tables: readonly string[];
  functions?: readonly string[];
}

const PLATFORM_OWNER: Owner = { name: 'platform', dir: 'platform/server/src', tables: PLATFORM };
const ROOMS: Owner[] = [
  { name: 'indicators', dir: 'modules/indicators/src', tables: INDICATORS },
  { name: 'enterprises', dir: 'modules/enterprises/src', tables: ENTERPRISES, functions: ENTERPRISE_FUNCTIONS },
  { name: 'eligibility', dir: 'modules/eligibility/src', tables: ELIGIBILITY },
  { name: 'evaluation', dir: 'modules/evaluation/src', tables: EVALUATION },
  { name: 'carriers', dir: 'modules/carriers/src', tables: CARRIERS },
  { name: 'diagnosis', dir: 'modules/diagnosis/src', tables: DIAGNOSIS },
  { name: 'market', dir: 'modules/market/src', tables: MARKET },
  { name: 'tech-contracts', dir: 'modules/tech-contracts/src', tables: TECH_CONTRACTS },
];
/** the app composes the rooms: it may name the platform's tables (settings, users at start-up), never a room's */
const APP: Owner = { name: 'app', dir: 'apps/server/src', tables: PLATFORM };

const names = (s: readonly string[]) => s.join('|');
/** a table named where SQL names tables */
const named = (table: string) => new RegExp(`\\b(?:from|join|into|update|table|copy|references|truncate)\\s+(?:only\\s+)?"?${table}"?\\b`, 'i');
/** a table written to */
const written = (table: string) => new RegExp(`\\b(?:into|update|truncate|delete\\s+from|copy)\\s+(?:only\\s+)?"?${table}"?\\b`, 'i');
const called = (fn: string) => new RegExp(`\\b${fn}\\s*\\(`, 'i');

/** The text of every string and template literal of a source file (a template's holes as `?`). */
export function literals(fileName: string, source: string): string[] {
  const out: string[] = [];
  const visit = (n: ts.Node): void => {
    if (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n)) out.push(n.text);
    else if (ts.isTemplateExpression(n)) out.push([n.head.text, ...n.templateSpans.map((s) => s.literal.text)].join(' ? '));
    ts.forEachChild(n, visit);
  };
  visit(ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true));
  return out;
}

/** What the SQL of one file of `owner` names that it may not: `table (owner)` each. */
export function violations(owner: Owner, fileName: string, source: string): string[] {
  const sql = literals(fileName, source).join('\n');
  const found: string[] = [];
  const others = [PLATFORM_OWNER, ...ROOMS].filter((o) => o.name !== owner.name);
  for (const other of others) {
    for (const table of other.tables) {
      if (owner.tables.includes(table) || !named(table).test(sql)) continue;
      const shared = other === PLATFORM_OWNER ? SHARED_TABLES[table] : undefined;
      if (shared && (shared.use === 'ownRows' || !written(table).test(sql))) continue;
      found.push(`${table} (${other.name}${shared ? `: shared for ${shared.use} only` : ''})`);
    }
    for (const fn of other.functions ?? []) if (called(fn).test(sql)) found.push(`${fn}() (${other.name})`);
  }
  return found;
}

function sourceFiles(dir: string): string[] {
  return (
    readdirSync(path.join(ROOT, dir), { recursive: true, encoding: 'utf8' })
      .map((f) => path.join(dir, f))
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !f.endsWith('.d.ts'))
      // tests set up and inspect any table; the web bundle holds no SQL (and may not import server/ or db/)
      .filter((f) => !f.split(path.sep).some((part) => part === 'test' || part === 'web') && !f.endsWith('test-app.ts'))
  );
}

describe('rooms own their tables', () => {
  it('lists every table the migrations create under exactly one owner, and no other', () => {
    const created = readdirSync(path.join(ROOT, 'migrations'))
      .filter((f) => f.endsWith('.sql'))
      .sort()
      .flatMap((f) => [...readFileSync(path.join(ROOT, 'migrations', f), 'utf8').matchAll(/^\s*create table (?:if not exists )?(\w+)/gim)].map((m) => m[1]));
    const listed = [PLATFORM_OWNER, ...ROOMS].flatMap((o) => o.tables);
    expect(new Set(listed).size, `a table listed twice: ${names(listed)}`).toBe(listed.length);
    expect([...listed].sort()).toEqual([...new Set(created)].sort());
  });

  it.each([PLATFORM_OWNER, ...ROOMS, APP].map((o) => [o.name, o] as const))("%s's SQL names no other room's table", (_name, owner) => {
    const files = sourceFiles(owner.dir);
    expect(files.length).toBeGreaterThan(0);
    const found = files.flatMap((f) => violations(owner, f, readFileSync(path.join(ROOT, f), 'utf8')).map((v) => `${f}: ${v}`));
    expect(found, "SQL naming a table another room owns: call the owner's exported function instead").toEqual([]);
  });

  it.each([
    ['a join to a registry table', `db.query(\`select * from evaluation_runs r join enterprises e on e.id = r.id\`)`, ['enterprises (enterprises)']],
    ['a write to a shared read-only platform table', `tx.query('update users set region_code = $1')`, ['users (platform: shared for read only)']],
    ['a platform table no room may name', `tx.query("insert into audit_log (action) values ('x')")`, ['audit_log (platform)']],
    ["another room's SQL function", 'const sql = `select enterprise_tier(e.id, $1)`;', ['enterprise_tier() (enterprises)']],
    [
      'its own tables, region names and who changed a row',
      'db.query(`select * from evaluation_runs r join regions g on g.code = r.region_code left join users u on u.id = r.computed_by`)',
      [],
    ],
    ['words in comments', '// figures read from enterprises and indicator_values\nconst x = 1;', []],
  ])('finds %s', (_what, source, expected) => {
    expect(
      violations(
        ROOMS.find((o) => o.name === 'evaluation')!,
        'example.ts',
        source,
      ),
    ).toEqual(expected);
  });
});
