/**
 * The language a request is answered in: English when its Accept-Language prefers English to Chinese (the
 * web client sends the interface's language with every call), Chinese otherwise, and when it says nothing.
 */
import type { FastifyRequest } from 'fastify';
import type { Localized, MessageLang } from '@kechuang/platform-core';

export function langOf(header: string | string[] | undefined): MessageLang {
  const value = Array.isArray(header) ? header.join(',') : header;
  if (!value) return 'zh';
  let best: { lang: MessageLang; q: number } | null = null;
  for (const part of value.split(',')) {
    const [tag, ...params] = part.trim().toLowerCase().split(';');
    const lang: MessageLang | null = tag.startsWith('en') ? 'en' : tag.startsWith('zh') ? 'zh' : null;
    if (!lang) continue;
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    if (!Number.isFinite(q) || q <= 0) continue;
    // the first of equal weights wins, as the header lists them in order of preference
    if (!best || q > best.q) best = { lang, q };
  }
  return best?.lang ?? 'zh';
}

export function requestLang(request: FastifyRequest): MessageLang {
  return langOf(request.headers['accept-language']);
}

/** picks the request's language from a pair of words */
export function inLang(lang: MessageLang, text: Localized): string {
  return text[lang];
}
