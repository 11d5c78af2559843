/**
 * The built web client carries no zod: the Content-Security-Policy forbids the eval that zod probes for, and the
 * pages import the rooms' contracts as types only (a room's constants come from zod-free modules). A value import
 * of a zod-bearing module anywhere in the web's graph (a room's domain index re-exporting its input schemas, say)
 * puts zod into the bundle; this finds it by zod's own error text in the built files.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { WEB_DIST } from '@kechuang/server';

it('the built web client contains no zod', () => {
  const dir = path.join(WEB_DIST, 'assets');
  const scripts = readdirSync(dir).filter((f) => f.endsWith('.js'));
  expect(scripts.length).toBeGreaterThan(0);
  const withZod = scripts.filter((f) => readFileSync(path.join(dir, f), 'utf8').includes('Encountered Promise during synchronous parse'));
  expect(withZod).toEqual([]);
});
