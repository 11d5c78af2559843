/**
 * Cross-site request forgery: a state-changing request (POST, PUT, PATCH, DELETE) that a browser says
 * comes from another site is refused before anything else runs. A form on another site can post
 * x-www-form-urlencoded, multipart/form-data or text/plain with our session cookie; fetch() from there
 * carries the cookie too when SameSite allows it. Browsers name the requesting page in `Origin` and say
 * how it relates to us in `Sec-Fetch-Site` (OWASP CSRF Prevention Cheat Sheet, "Verifying origin with
 * standard headers"; Fetch Metadata). A request with neither header is not from a browser (the CLI,
 * curl, scripts) and carries no ambient cookie to abuse, so it passes.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '@kechuang/platform-core';

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** `same-site` is refused too: a sibling subdomain is another application */
const ALLOWED_FETCH_SITES = new Set(['same-origin', 'none']);

export function registerOriginCheck(app: FastifyInstance, opts: { publicOrigins: readonly string[] }): void {
  const publicOrigins = new Set(opts.publicOrigins);
  app.addHook('onRequest', async (request) => {
    if (!UNSAFE_METHODS.has(request.method)) return;
    const site = request.headers['sec-fetch-site'];
    if (site !== undefined && !ALLOWED_FETCH_SITES.has(site)) {
      throw crossSite(
        { zh: `浏览器标明该请求来自其他网站（Sec-Fetch-Site: ${site}）`, en: `the browser says it comes from another site (Sec-Fetch-Site: ${site})` },
        { secFetchSite: site },
      );
    }
    const origin = request.headers.origin;
    if (origin === undefined || publicOrigins.has(origin) || isOwnOrigin(origin, request)) return;
    throw crossSite({ zh: `该请求来自其他网站（Origin: ${origin}）`, en: `it comes from another site (Origin: ${origin})` }, { origin });
  });
}

function crossSite(why: { zh: string; en: string }, facts: Record<string, string>): AppError {
  const message = {
    zh: `已拒绝跨站请求：${why.zh}。请在本系统的页面中操作。`,
    en: `Cross-site request refused: ${why.en}. Please work from this system's own pages.`,
  };
  return new AppError('FORBIDDEN', { message, details: { reason: 'cross-site', ...facts } });
}

const DEFAULT_PORT: Record<string, string> = { 'http:': '80', 'https:': '443' };

/**
 * The Origin names the host the request was sent to (the Host header; X-Forwarded-Host only from a
 * trusted proxy). The scheme is compared only when the request is known to have come over HTTPS:
 * behind a TLS-terminating proxy that is not in KECHUANG_TRUST_PROXY the server sees plain HTTP.
 */
function isOwnOrigin(origin: string, request: FastifyRequest): boolean {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false; // `Origin: null` (a sandboxed frame, a file) and anything else unparsable
  }
  if (url.origin !== origin || !(url.protocol in DEFAULT_PORT)) return false;
  if (request.protocol === 'https' && url.protocol !== 'https:') return false;
  return normalHost(request.host, url.protocol) === url.host;
}

/** `host:port` as URL.host writes it: lower case, without the scheme's default port. */
function normalHost(host: string, protocol: string): string {
  const lower = host.toLowerCase();
  const suffix = `:${DEFAULT_PORT[protocol]}`;
  return lower.endsWith(suffix) ? lower.slice(0, -suffix.length) : lower;
}
