import type { FastifyReply } from 'fastify';

/** Sends an .xlsx download with a UTF-8 file name (RFC 6266 / 5987). */
export function sendXlsx(reply: FastifyReply, fileName: string, data: Buffer): FastifyReply {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_');
  return reply
    .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    .header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`)
    .send(data);
}
