/**
 * One error shape for every failure: `{ error: { code, message, details } }`. A user's mistake is a
 * 4xx naming the field or row; anything unexpected is logged and answered as a bare 500, never a stack.
 */
import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, ERROR_CODES, type ErrorCode } from '@kechuang/platform-core';

export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError | AppError | Error, request, reply) => {
    if (err instanceof AppError) {
      const retryAfter = (err.details as { retryAfterSeconds?: unknown } | null | undefined)?.retryAfterSeconds;
      if (typeof retryAfter === 'number') reply.header('retry-after', String(retryAfter));
      return reply.status(err.status).send(body(err.code, err.message, err.details));
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const fields = err.validation.map((v) => ({
        field: [err.validationContext, ...String(v.instancePath).split('/').filter(Boolean)].join('.'),
        message: v.message,
      }));
      const message = `请求参数有误：${fields.map((f) => f.field).join('、')}`;
      return reply.status(400).send(body('VALIDATION', message, { fields }));
    }
    const fe = err as FastifyError;
    // a unique index caught what a route's own check could not see: a concurrent request wrote the same thing first
    if (fe.code === '23505') {
      return reply.status(409).send(body('CONFLICT', '与同时提交的另一修改冲突，请刷新后重试', { constraint: (err as { constraint?: string }).constraint ?? null }));
    }
    if (fe.code === 'FST_REQ_FILE_TOO_LARGE' || fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || fe.statusCode === 413) {
      return reply.status(413).send(body('IMPORT_TOO_LARGE', ERROR_CODES.IMPORT_TOO_LARGE.message, { reason: fe.message }));
    }
    // a character PostgreSQL cannot store came in by a way the input checks do not walk (an uploaded file)
    if (fe.code === '22021' || fe.code === '22P05') {
      return reply.status(400).send(body('VALIDATION', '数据中含有无法保存的字符（如空字符 U+0000），请检查后重试', { reason: 'character' }));
    }
    // Fastify's and its plugins' own 4xx: our words, never the parser's message (it can be an internal TypeError's)
    if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
      return reply.status(fe.statusCode).send(body('VALIDATION', clientErrorMessage(fe), { code: fe.code ?? null }));
    }
    request.log.error({ err }, 'unhandled error');
    return reply.status(500).send(body('INTERNAL', ERROR_CODES.INTERNAL.message, null));
  });
}

/**
 * Unknown API paths answer the JSON error shape; with a single-page client, any other GET answers
 * its index.html so the client's router can take the path.
 */
export function registerNotFound(app: FastifyInstance, opts: { spaIndex: boolean }): void {
  app.setNotFoundHandler((request, reply) => {
    if (opts.spaIndex && request.method === 'GET' && !request.url.startsWith('/api/')) return reply.sendFile('index.html');
    return reply.status(404).send(body('NOT_FOUND', `找不到 ${request.method} ${request.url.split('?')[0]}`, null));
  });
}

const CLIENT_ERROR_MESSAGES: Record<string, string> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: '不支持该请求格式（Content-Type）：请以 application/json 提交，上传文件用 multipart/form-data',
  FST_ERR_CTP_INVALID_JSON_BODY: '请求参数有误：body 不是有效的 JSON',
  FST_ERR_CTP_EMPTY_JSON_BODY: '请求参数有误：body 为空，但 Content-Type 为 application/json',
  FST_INVALID_MULTIPART_CONTENT_TYPE: '请以 multipart/form-data 上传文件',
};
const STATUS_MESSAGES: Record<number, string> = {
  400: '请求格式有误',
  404: '资源不存在',
  405: '不支持该请求方法',
  406: '请求格式有误',
  415: CLIENT_ERROR_MESSAGES.FST_ERR_CTP_INVALID_MEDIA_TYPE,
};

function clientErrorMessage(err: FastifyError): string {
  return (err.code && CLIENT_ERROR_MESSAGES[err.code]) || STATUS_MESSAGES[err.statusCode ?? 400] || `请求有误（HTTP ${err.statusCode}）`;
}

function body(code: ErrorCode, message: string, details: unknown) {
  return { error: { code, message, details: details ?? null } };
}
