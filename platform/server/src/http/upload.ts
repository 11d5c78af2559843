/** Reads the one uploaded file of a multipart request (field "file"), turning a broken upload into a 4xx. */
import type { FastifyRequest } from 'fastify';
import { AppError } from '@kechuang/platform-core';
import type { ReadLimits } from '../excel/read-limits.ts';

/** An uploaded file, with the bounds `readTable` applies to it (the deployment's; the defaults when absent). */
export interface Upload {
  name: string;
  data: Buffer;
  limits?: ReadLimits;
}

/** `limits` is the app context's `readLimits`: every upload carries them to the reader. */
export async function readUpload(req: FastifyRequest, limits: ReadLimits): Promise<Upload & { limits: ReadLimits }> {
  if (!req.isMultipart())
    throw new AppError('VALIDATION', {
      message: { zh: '请以 multipart/form-data 上传文件（字段名 file）', en: 'Upload the file as multipart/form-data (field name: file)' },
      details: { field: 'file' },
    });
  try {
    const part = await req.file();
    if (!part) throw new AppError('VALIDATION', { message: { zh: '没有收到文件', en: 'No file was received' }, details: { field: 'file' } });
    const data = await part.toBuffer();
    if (data.length === 0) throw new AppError('IMPORT_EMPTY', { message: { zh: '文件是空的', en: 'The file is empty' }, details: { file: part.filename } });
    return { name: safeName(part.filename), data, limits };
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (e instanceof AppError || code === 'FST_REQ_FILE_TOO_LARGE') throw e;
    throw new AppError('VALIDATION', {
      message: { zh: '上传的文件不完整或格式有误，请重新上传', en: 'The upload is incomplete or malformed: please upload again' },
      details: { field: 'file', reason: (e as Error).message },
    });
  }
}

function safeName(name: string): string {
  let decoded = name;
  try {
    decoded = decodeURIComponent(name);
  } catch {
    // keep the name as sent
  }
  // kept as the import run's file name: no path, no control characters (a NUL would stop PostgreSQL), no lone surrogates
  // eslint-disable-next-line no-control-regex
  const clean = decoded.replace(/[\\/\u0000-\u001f\u007f]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '_');
  return [...clean].slice(0, 200).join('') || 'upload';
}
