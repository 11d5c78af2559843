/** The room's messages exist in both languages with the same placeholders (as apps/web's messages test does for the other rooms). */
import { describe, expect, it } from 'vitest';
import { auditEn, auditZh } from './audit-labels.ts';
import { en } from './messages-en.ts';
import { zhCN } from './messages-zh.ts';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe.each([
  ['messages', zhCN, en],
  ['audit', auditZh, auditEn],
])("the tech-contracts room's %s", (_, zh, english) => {
  it('have the same keys in Chinese and English', () => {
    expect(Object.keys(english).filter((k) => !(k in zh))).toEqual([]);
    expect(Object.keys(zh).filter((k) => !(k in english))).toEqual([]);
  });
  it('use the same placeholders in both languages, and English without Chinese', () => {
    expect(Object.keys(zh).filter((k) => placeholders(zh[k]).join() !== placeholders(english[k]).join())).toEqual([]);
    expect(Object.keys(english).filter((k) => /[\u4e00-\u9fff]/.test(english[k].replace(/“[^”]*”|"[^"]*"/g, '')))).toEqual([]);
  });
});
