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
