/**
 * One error shape for every failure: `{ error: { code, message, details } }`, the message in the request's
 * language (see request-lang.ts). A user's mistake is a 4xx naming the field or row; anything unexpected is
 * logged and answered as a bare 500, never a stack.
 */
import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, ERROR_CODES, type Localized, type MessageLang, type PlatformErrorCode } from '@kechuang/platform-core';
import { requestLang } from './request-lang.ts';

export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError | AppError | Error, request, reply) => {
    const lang = requestLang(request);
    if (err instanceof AppError) {
      const retryAfter = (err.details as { retryAfterSeconds?: unknown } | null | undefined)?.retryAfterSeconds;
      if (typeof retryAfter === 'number') reply.header('retry-after', String(retryAfter));
      return reply.status(err.status).send(body(err.code, err.messageIn(lang), err.detailsOf(lang)));
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const fields = err.validation.map((v) => ({
        field: [err.validationContext, ...String(v.instancePath).split('/').filter(Boolean)].join('.'),
        message: v.message,
      }));
      const names = fields.map((f) => f.field);
      const message = lang === 'en' ? `Invalid request: ${names.join(', ')}` : `请求参数有误：${names.join('、')}`;
      return reply.status(400).send(body('VALIDATION', message, { fields }));
    }
    const fe = err as FastifyError;
    // a unique index caught what a route's own check could not see: a concurrent request wrote the same thing first
    if (fe.code === '23505') {
      const message = {
        zh: '与同时提交的另一修改冲突，请刷新后重试',
        en: 'Another change submitted at the same time conflicts with this one: refresh and try again',
      };
      return reply.status(409).send(body('CONFLICT', message[lang], { constraint: (err as { constraint?: string }).constraint ?? null }));
    }
    if (fe.code === 'FST_REQ_FILE_TOO_LARGE' || fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || fe.statusCode === 413) {
      return reply.status(413).send(body('IMPORT_TOO_LARGE', ERROR_CODES.IMPORT_TOO_LARGE[lang], { reason: fe.message }));
    }
    // a character PostgreSQL cannot store came in by a way the input checks do not walk (an uploaded file)
    if (fe.code === '22021' || fe.code === '22P05') {
      const message = {
        zh: '数据中含有无法保存的字符（如空字符 U+0000），请检查后重试',
        en: 'The data holds a character that cannot be stored (such as U+0000): check it and try again',
      };
      return reply.status(400).send(body('VALIDATION', message[lang], { reason: 'character' }));
    }
    // Fastify's and its plugins' own 4xx: our words, never the parser's message (it can be an internal TypeError's)
    if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
      return reply.status(fe.statusCode).send(body('VALIDATION', clientErrorMessage(fe, lang), { code: fe.code ?? null }));
    }
    request.log.error({ err }, 'unhandled error');
    return reply.status(500).send(body('INTERNAL', ERROR_CODES.INTERNAL[lang], null));
  });
}

/**
 * Unknown API paths answer the JSON error shape; with a single-page client, any other GET answers
 * its index.html so the client's router can take the path.
 */
export function registerNotFound(app: FastifyInstance, opts: { spaIndex: boolean }): void {
  app.setNotFoundHandler((request, reply) => {
    if (opts.spaIndex && request.method === 'GET' && !request.url.startsWith('/api/')) return reply.sendFile('index.html');
    const what = `${request.method} ${request.url.split('?')[0]}`;
    return reply.status(404).send(body('NOT_FOUND', requestLang(request) === 'en' ? `Not found: ${what}` : `找不到 ${what}`, null));
  });
}

const MEDIA_TYPE: Localized = {
  zh: '不支持该请求格式（Content-Type）：请以 application/json 提交，上传文件用 multipart/form-data',
  en: 'Unsupported Content-Type: send application/json, or multipart/form-data for a file',
};
const CLIENT_ERROR_MESSAGES: Record<string, Localized> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: MEDIA_TYPE,
  FST_ERR_CTP_INVALID_JSON_BODY: { zh: '请求参数有误：body 不是有效的 JSON', en: 'Invalid request: the body is not valid JSON' },
  FST_ERR_CTP_EMPTY_JSON_BODY: {
    zh: '请求参数有误：body 为空，但 Content-Type 为 application/json',
    en: 'Invalid request: the body is empty but the Content-Type is application/json',
  },
  FST_INVALID_MULTIPART_CONTENT_TYPE: { zh: '请以 multipart/form-data 上传文件', en: 'Upload the file as multipart/form-data' },
};
const STATUS_MESSAGES: Record<number, Localized> = {
  400: { zh: '请求格式有误', en: 'Malformed request' },
  404: { zh: '资源不存在', en: 'Not found' },
  405: { zh: '不支持该请求方法', en: 'Method not allowed' },
  406: { zh: '请求格式有误', en: 'Malformed request' },
  415: MEDIA_TYPE,
};

function clientErrorMessage(err: FastifyError, lang: MessageLang): string {
  const known = (err.code && CLIENT_ERROR_MESSAGES[err.code]) || STATUS_MESSAGES[err.statusCode ?? 400];
  if (known) return known[lang];
  return lang === 'en' ? `Bad request (HTTP ${err.statusCode})` : `请求有误（HTTP ${err.statusCode}）`;
}

function body(code: PlatformErrorCode | (string & {}), message: string, details: unknown) {
  return { error: { code, message, details: details ?? null } };
}
