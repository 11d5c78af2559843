/**
 * Browser tests: the real server (built web client, PGlite in memory, demo data) on a loopback port,
 * driven by playwright-core in Debian's Chromium (/usr/bin/chromium, installed by .ci/run).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startTestApp, type TestApp } from '@kechuang/server/test';
import { WEB_DIST } from '@kechuang/server';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface E2e {
  t: TestApp;
  baseUrl: string;
  browser: Browser;
  close(): Promise<void>;
}

export async function startE2e(): Promise<E2e> {
  if (!existsSync(path.join(WEB_DIST, 'index.html'))) throw new Error('the web client is not built: run `npm run build` first');
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install chromium`);
  const t = await startTestApp('embedded', { serveWeb: true });
  const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
  return {
    t,
    baseUrl: address,
    browser,
    async close() {
      await browser.close();
      await t.close();
    },
  };
}

export async function login(page: Page, baseUrl: string, username: string, password = 'kechuang-demo'): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('user-menu').waitFor();
}

export async function screenshot(page: Page, name: string): Promise<void> {
  const dir = process.env.E2E_SCREENSHOTS;
  if (dir) await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true });
}
