/**
 * Input every route can trust before its own schema looks at it, checked in one place:
 * - JSON bodies are decoded as strict UTF-8 (invalid bytes are refused, not replaced with U+FFFD and
 *   saved), and JSON is the only text body accepted: no text/plain parser, so a cross-site form cannot
 *   post one to a JSON route.
 * - Every string of the path parameters, the query and the parsed body (keys too) is free of NUL, which
 *   PostgreSQL cannot store in text, and of lone UTF-16 surrogates, which are not Unicode text at all.
 * - Bodies nest at most MAX_DEPTH levels, so no later recursion (validation, a scheme tree, jsonb) runs
 *   out of stack; the walk itself uses no recursion.
 * Each refusal is a 400 naming the field as the schema errors do (`body.username`, `querystring.q`).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '@kechuang/platform-core';

export const MAX_DEPTH = 64;

export function registerInputChecks(app: FastifyInstance): void {
  app.removeContentTypeParser(['application/json', 'text/plain']);
  const parseJson = app.getDefaultJsonParser('error', 'error');
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body: Buffer, done) => {
    let text: string;
    try {
      text = utf8.decode(body);
    } catch {
      done(
        new AppError('VALIDATION', {
          message: { zh: '请求参数有误：body 不是有效的 UTF-8 文本', en: 'Invalid request: the body is not valid UTF-8' },
          details: { field: 'body', reason: 'utf8' },
        }),
        undefined,
      );
      return;
    }
    void parseJson(request, text, done);
  });
  app.addHook('preValidation', async (request) => {
    checkRequest(request);
  });
}

function checkRequest(request: FastifyRequest): void {
  check(request.params, 'params');
  check(request.query, 'querystring');
  check(request.body, 'body');
}

type Problem = 'nul' | 'surrogate' | 'depth';
const PROBLEM_TEXT: Record<Problem, { zh: string; en: string }> = {
  nul: { zh: '含有空字符（U+0000）', en: 'holds a null character (U+0000)' },
  surrogate: { zh: '含有无效的 Unicode 字符（不成对的代理项）', en: 'holds an invalid Unicode character (a lone surrogate)' },
  depth: { zh: `嵌套层级过深（最多 ${MAX_DEPTH} 层）`, en: `is nested too deep (at most ${MAX_DEPTH} levels)` },
};

/** with the u flag, \p{Cs} matches only a surrogate that is not half of a pair */
const LONE_SURROGATE = /\p{Cs}/u;

function stringProblem(s: string): Problem | null {
  if (s.includes('\u0000')) return 'nul';
  if (LONE_SURROGATE.test(s)) return 'surrogate';
  return null;
}

/** Walks a parsed value with an explicit stack; throws on the first bad string, key or depth. */
function check(root: unknown, context: string): void {
  const stack: { value: unknown; path: string[] }[] = [{ value: root, path: [context] }];
  while (stack.length > 0) {
    const { value, path } = stack.pop()!;
    if (typeof value === 'string') {
      const problem = stringProblem(value);
      if (problem) throw refuse(path, problem);
      continue;
    }
    if (typeof value !== 'object' || value === null || Buffer.isBuffer(value)) continue;
    if (path.length > MAX_DEPTH) throw refuse(path, 'depth');
    for (const [key, child] of Object.entries(value)) {
      const problem = stringProblem(key);
      if (problem) throw refuse([...path, printable(key)], problem);
      stack.push({ value: child, path: [...path, key] });
    }
  }
}

/** A key that is itself bad is named with its bad characters escaped, so the message stays printable. */
function printable(s: string): string {
  return s.replaceAll('\u0000', '\\u0000').replace(/\p{Cs}/gu, (c) => `\\u${c.charCodeAt(0).toString(16)}`);
}

function refuse(path: string[], problem: Problem): AppError {
  const shown = problem === 'depth' ? [...path.slice(0, 6), '…'] : path;
  const field = shown.map(printable).join('.');
  const text = PROBLEM_TEXT[problem];
  return new AppError('VALIDATION', {
    message: { zh: `请求参数有误：${field} ${text.zh}`, en: `Invalid request: ${field} ${text.en}` },
    details: { field, reason: problem },
  });
}
