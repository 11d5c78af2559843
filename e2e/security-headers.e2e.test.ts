/**
 * The Content-Security-Policy does not break the client: an administrator visits the main pages (and the
 * API documentation) with the policy on, and the browser reports no violation — neither in the console
 * nor as a `securitypolicyviolation` event.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { login, startE2e, type E2e } from './harness.ts';

let e: E2e;
beforeAll(async () => {
  e = await startE2e();
});
afterAll(async () => e?.close());

const PAGES = [
  '/',
  '/cockpit',
  '/league',
  '/report',
  '/trend',
  '/values',
  '/catalogue',
  '/import',
  '/enterprises',
  '/worklists',
  '/tiers',
  '/evaluation/top-list',
  '/evaluation/runs',
  '/evaluation/reviews',
  '/evaluation/schemes',
  '/admin/users',
  '/admin/parks',
  '/admin/audit',
  '/wall',
  '/api/docs/',
];

/** Every CSP report the page makes: console messages and securitypolicyviolation events. */
async function watchViolations(page: Page): Promise<string[]> {
  const seen: string[] = [];
  page.on('console', (msg) => {
    if (msg.text().includes('Content Security Policy')) seen.push(`${page.url()} console: ${msg.text()}`);
  });
  await page.exposeFunction('__kcCspViolation', (report: string) => seen.push(`${page.url()} event: ${report}`));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (ev) => {
      const report = `${ev.violatedDirective} blocked ${ev.blockedURI} at ${ev.sourceFile}:${ev.lineNumber}`;
      void (window as unknown as { __kcCspViolation: (s: string) => Promise<void> }).__kcCspViolation(report);
    });
  });
  return seen;
}

it('loads the main pages with the policy on and no CSP violation', async () => {
  const page = await e.browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  const violations = await watchViolations(page);
  const pageErrors: string[] = [];
  page.on('pageerror', (err) => pageErrors.push(`${page.url()}: ${err.message}`));

  const first = await page.goto(`${e.baseUrl}/login`);
  expect(first?.headers()['content-security-policy']).toContain("script-src 'self'");
  await login(page, e.baseUrl, 'admin');

  // one enterprise profile and one saved scheme, so the detail pages are seen too
  const [enterprise] = await e.t.db.query<{ id: number }>('select id from enterprises order by id limit 1');
  const [scheme] = await e.t.db.query<{ id: number }>('select id from evaluation_schemes order by id limit 1');
  const pages = [...PAGES, `/enterprises/${enterprise.id}`, ...(scheme ? [`/evaluation/schemes/${scheme.id}`] : [])];

  for (const path of pages) {
    const res = await page.goto(`${e.baseUrl}${path}`, { waitUntil: 'networkidle' });
    expect([path, res?.status()]).toEqual([path, 200]);
    if (path.startsWith('/api/docs')) await page.locator('.swagger-ui .info').waitFor();
    else await page.getByTestId('user-menu').or(page.locator('[data-testid^="wall"]')).first().waitFor();
  }
  expect(violations).toEqual([]);
  expect(pageErrors).toEqual([]);
}, 300_000);
