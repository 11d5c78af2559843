/**
 * Browser tests: the real server (built web client, PGlite in memory, demo data) on a loopback port,
 * driven by playwright-core in a Chromium that e2e/find-browser.ts chooses once per run: CHROMIUM_PATH,
 * else the system's (/usr/bin/chromium, installed by .ci/run), else the one in the dev dependency
 * @sparticuz/chromium, so that `npm ci && npm test` needs nothing but Node.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { inject } from 'vitest';
import { startTestApp, type TestApp } from '@kechuang/server/test';
import { WEB_DIST } from '@kechuang/server';
import { findBrowser } from './find-browser.ts';

export interface E2e {
  t: TestApp;
  baseUrl: string;
  browser: Browser;
  close(): Promise<void>;
}

export async function startE2e(): Promise<E2e> {
  if (!existsSync(path.join(WEB_DIST, 'index.html'))) throw new Error('the web client is not built: run `npm run build` first');
  // chosen by the globalSetup of e2e/vitest.config.ts; a test file run under another config chooses itself
  const choice = inject('e2eBrowser') ?? findBrowser();
  const t = await startTestApp('embedded', { serveWeb: true });
  const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
  const browser = await chromium.launch({
    executablePath: choice.executablePath,
    args: choice.args,
    env: { ...process.env, ...choice.env },
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

/**
 * Screenshots are for a person to read (E2E_SCREENSHOTS=dir), and the pages are Chinese: without a CJK font
 * Chromium draws blanks or boxes where the text should be. So a screenshot fails rather than be written
 * unreadable when no CJK font is installed. The tests themselves read the DOM and need no fonts.
 */
export async function screenshot(page: Page, name: string): Promise<void> {
  const dir = process.env.E2E_SCREENSHOTS;
  if (!dir) return;
  if (!hasCjkFont())
    throw new Error('screenshots need CJK fonts: apt-get install fonts-noto-cjk (none found by `fc-list :lang=zh` or in the font directories)');
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true });
}

let cjkFont: boolean | undefined;

/** Whether a font covering Chinese is installed: fontconfig's answer when fc-list is there, else a look through the font directories. */
export function hasCjkFont(): boolean {
  if (cjkFont !== undefined) return cjkFont;
  try {
    cjkFont = execFileSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 30_000 }).trim() !== '';
  } catch {
    const dirs = [
      '/usr/share/fonts',
      '/usr/local/share/fonts',
      path.join(os.homedir(), '.local/share/fonts'),
      path.join(os.homedir(), '.fonts'),
      '/System/Library/Fonts',
      '/Library/Fonts',
    ];
    const cjk = /cjk|wqy|wenquanyi|droidsansfallback|sourcehan|simsun|simhei|msyh|pingfang|hiragino|songti|heiti|noto(sans|serif)(sc|tc|hk)/i;
    const files = (d: string): string[] => {
      try {
        return readdirSync(d, { recursive: true, encoding: 'utf8' });
      } catch {
        return [];
      }
    };
    cjkFont = dirs.some((d) => files(d).some((f) => cjk.test(path.basename(f))));
  }
  return cjkFont;
}
