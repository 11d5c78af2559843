/**
 * Every action the server writes to the audit log has words in the audit page, in both languages: a new
 * `audit(…, { action: 'x.y' })` without its label would show a bare code to the auditor.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import * as enterprises from '../../../modules/enterprises/src/web/audit-labels.ts';
import * as evaluation from '../../../modules/evaluation/src/web/audit-labels.ts';
import * as carriers from '../../../modules/carriers/src/web/audit-labels.ts';
import * as indicators from '../../../modules/indicators/src/web/audit-labels.ts';
import * as market from '../../../modules/market/src/web/audit-labels.ts';
import * as techContracts from '../../../modules/tech-contracts/src/web/audit-labels.ts';

const ROOT = path.resolve(import.meta.dirname, '../../..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) return name === 'node_modules' || name === 'test' || name === 'web' ? [] : sources(p);
    return p.endsWith('.ts') && !p.endsWith('.test.ts') ? [p] : [];
  });
}

/** the action codes written as literals in audit(…) calls: `action: 'a.b'` or `action: x ? 'a.b' : 'a.c'` */
function writtenActions(): Set<string> {
  const out = new Set<string>();
  for (const file of [...sources(path.join(ROOT, 'modules')), ...sources(path.join(ROOT, 'platform/server/src'))]) {
    for (const m of readFileSync(file, 'utf8').matchAll(/audit\([^;]*?action: ([^,}]+)/gs)) {
      for (const code of m[1].matchAll(/'([a-zA-Z]+(?:\.[a-zA-Z+]+)+)'/g)) out.add(code[1]);
    }
  }
  return out;
}

/** the labels a messages file registers ({ 'zh-CN': {…}, en: {…} }): the platform's, and the market's events and follow-up */
function registeredKeys(file: string): { zh: Set<string>; en: Set<string> } {
  const text = readFileSync(path.join(ROOT, file), 'utf8');
  const [zh, en] = text.split(/\n\s*en: \{/);
  const keys = (s: string) => new Set([...s.matchAll(/'(audit\.act\.[^']+)'/g)].map((m) => m[1]));
  return { zh: keys(zh), en: keys(en) };
}

it('has Chinese and English words for every audited action', () => {
  const registered = ['platform/web/src/admin/messages.ts', 'modules/market/src/web/event-messages.ts', 'modules/market/src/web/follow-up-messages.ts'].map(
    registeredKeys,
  );
  const rooms = [enterprises, evaluation, carriers, indicators, market, techContracts];
  const zh = new Set([...registered.flatMap((r) => [...r.zh]), ...rooms.flatMap((r) => Object.keys(r.auditZh))]);
  const en = new Set([...registered.flatMap((r) => [...r.en]), ...rooms.flatMap((r) => Object.keys(r.auditEn))]);
  const actions = [...writtenActions()];
  expect(actions.length).toBeGreaterThan(25);
  expect(actions.filter((a) => !zh.has(`audit.act.${a}`))).toEqual([]);
  expect(actions.filter((a) => !en.has(`audit.act.${a}`))).toEqual([]);
});
