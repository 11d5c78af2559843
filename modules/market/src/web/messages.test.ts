/** The market's messages exist in both languages with the same placeholders (as apps/web's test checks the other rooms'). */
import { expect, it } from 'vitest';
import { en } from './messages-en.ts';
import { zhCN } from './messages-zh.ts';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

it('has the same keys in Chinese and English, with the same placeholders', () => {
  expect(Object.keys(en).filter((k) => !(k in zhCN))).toEqual([]);
  expect(Object.keys(zhCN).filter((k) => !(k in en))).toEqual([]);
  expect(Object.keys(zhCN).filter((k) => placeholders(zhCN[k]).join() !== placeholders(en[k]).join())).toEqual([]);
});

it('keeps its own keys under market.* (and its roles and menu entries)', () => {
  expect(Object.keys(zhCN).filter((k) => !/^(market\.|nav\.market|role\.(institutionUser|brokerUser)$)/.test(k))).toEqual([]);
});

it('names every action and object it writes to the audit log, in both languages', async () => {
  const { auditEn, auditZh } = await import('./audit-labels.ts');
  expect(Object.keys(auditZh).sort()).toEqual(Object.keys(auditEn).sort());
  expect(auditZh['audit.act.market.demand.approve']).toBe('审核通过技术需求');
  expect(auditEn['audit.act.market.achievement.takeDown']).toBe('Achievement taken down');
  expect(Object.keys(auditZh)).toHaveLength(5 * 6 + 5 + 2);
});
