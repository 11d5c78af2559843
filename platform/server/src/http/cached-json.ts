import type { FastifyReply } from 'fastify';

const serialised = new WeakMap<object, string>();

/**
 * Sends a cached report (the same object for every reader of one data version) as JSON, serialised
 * once: the object was checked against its response schema the first time it was built, and a
 * string payload skips the per-request serialiser.
 */
export function sendCachedJson<T extends object>(reply: FastifyReply, value: T, schema: { parse(v: unknown): unknown }): FastifyReply {
  let text = serialised.get(value);
  if (text === undefined) {
    text = JSON.stringify(schema.parse(value));
    serialised.set(value, text);
  }
  return reply.type('application/json; charset=utf-8').send(text);
}
