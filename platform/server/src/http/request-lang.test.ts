import { expect, it } from 'vitest';
import { langOf } from './request-lang.ts';

it.each([
  [undefined, 'zh'],
  ['', 'zh'],
  ['en', 'en'],
  ['en-US,en;q=0.9', 'en'],
  ['zh-CN', 'zh'],
  ['zh-CN,zh;q=0.9,en;q=0.8', 'zh'],
  ['en;q=0.5,zh-CN;q=0.8', 'zh'],
  ['fr-FR,en;q=0.7', 'en'],
  ['fr-FR', 'zh'],
  ['en;q=0,zh;q=0.1', 'zh'],
  ['*', 'zh'],
] as const)('Accept-Language %j is answered in %s', (header, lang) => expect(langOf(header)).toBe(lang));
