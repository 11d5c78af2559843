/**
 * Security headers on every response — API answers, errors, unknown paths, the API documentation —
 * and HSTS only when the site runs behind HTTPS (KECHUANG_COOKIE_SECURE=true).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '@kechuang/platform-server';
import { describeEachDatabase, startTestApp, type TestApp } from '../test-app.ts';

const EXPECTED = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'same-origin',
};

it('allows only our own scripts, and no framing, plugins, foreign forms or base', () => {
  const directives = Object.fromEntries(CONTENT_SECURITY_POLICY.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1).join(' ')]));
  expect(directives).toMatchObject({
    'default-src': "'self'",
    'script-src': "'self'",
    'style-src': "'self' 'unsafe-inline'",
    'img-src': "'self' data: blob:",
    'frame-ancestors': "'none'",
    'object-src': "'none'",
    'base-uri': "'self'",
    'form-action': "'self'",
  });
});

describeEachDatabase('security headers', (mode) => {
  let t: TestApp;
  let secure: TestApp;
  beforeAll(async () => {
    t = await startTestApp(mode, { demo: false });
    secure = await startTestApp(mode, { demo: false, env: { KECHUANG_COOKIE_SECURE: 'true' } });
  });
  afterAll(async () => {
    await t?.close();
    await secure?.close();
  });

  it.each([
    ['an API answer', 'GET', '/api/health'],
    ['a refusal', 'GET', '/api/users'],
    ['an unknown API path', 'GET', '/api/nothing-here'],
    ['a bad request', 'POST', '/api/auth/login'],
    ['the documentation', 'GET', '/api/docs/'],
  ] as const)('are on %s', async (_, method, url) => {
    const res = await t.app.inject({ method, url });
    expect(res.headers).toMatchObject(EXPECTED);
    expect(res.headers['strict-transport-security']).toBeUndefined();
  });

  it('include HSTS when the cookie is Secure (the site is behind HTTPS)', async () => {
    const res = await secure.app.inject({ url: '/api/health' });
    expect(res.headers['strict-transport-security']).toBe('max-age=31536000');
    expect(res.headers).toMatchObject(EXPECTED);
  });
});
