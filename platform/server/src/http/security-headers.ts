/**
 * Headers on every response (pages, API, files, errors): a Content-Security-Policy that allows only our
 * own scripts (the built client has no inline script; antd's CSS-in-JS writes <style> elements, hence
 * 'unsafe-inline' for styles only), no framing, no MIME sniffing, no referrer to other sites, and HSTS
 * when the site runs behind HTTPS (KECHUANG_COOKIE_SECURE). A route may set its own policy first
 * (the API documentation does); the others are the same everywhere.
 */
import type { FastifyInstance } from 'fastify';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

const HEADERS: Record<string, string> = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'same-origin',
  'cross-origin-opener-policy': 'same-origin',
};

/** one year, the minimum for browsers' preload lists; subdomains are left to the bureau's own choice */
const HSTS = 'max-age=31536000';

export function registerSecurityHeaders(app: FastifyInstance, opts: { hsts: boolean }): void {
  app.addHook('onSend', async (_request, reply, payload) => {
    if (!reply.hasHeader('content-security-policy')) reply.header('content-security-policy', CONTENT_SECURITY_POLICY);
    for (const [name, value] of Object.entries(HEADERS)) reply.header(name, value);
    if (opts.hsts) reply.header('strict-transport-security', HSTS);
    return payload;
  });
}
