/**
 * Which Chromium the browser tests drive, first found wins:
 *  1. `CHROMIUM_PATH`, when set (an error if it does not run: a path someone set is not second-guessed);
 *  2. the system's Chromium: /usr/bin/chromium (Debian, what .ci/run installs), /usr/bin/chromium-browser, …;
 *  3. the headless Chromium shipped in the dev dependency @sparticuz/chromium (Linux x64 only), so that
 *     `npm ci && npm test` needs nothing but Node. Its executablePath() unpacks into os.tmpdir() (built
 *     for AWS Lambda's /tmp); we unpack it once into ~/.cache/kechuang-chromium/<version> ($XDG_CACHE_HOME
 *     if set; os.tmpdir()/kechuang-chromium-<uid> if the home cache is not writable) and reuse it on later runs.
 *
 * This module is also the browser tests' vitest globalSetup (e2e/vitest.config.ts): the choice is made and
 * printed once per run, then handed to the test files (e2e/harness.ts) through provide/inject.
 */
import { spawnSync, execFileSync } from 'node:child_process';
import { accessSync, constants, existsSync, mkdirSync, readFileSync, readdirSync, realpathSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { TestProject } from 'vitest/node';

export interface BrowserChoice {
  executablePath: string;
  /** launch flags: ours, then (for @sparticuz/chromium) the recommended flags we keep */
  args: string[];
  /** environment added to the browser process only */
  env: Record<string, string>;
  /** one line saying what was chosen, for the test run's output */
  description: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    e2eBrowser?: BrowserChoice;
  }
}

/** Our flags, whichever browser: no sandbox (tests run as root in CI), no GPU, nothing phoning home. */
export const OUR_FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'];

/** Where a system Chromium (or Chrome) is looked for, after CHROMIUM_PATH. */
export const SYSTEM_CHROMIUMS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/lib/chromium/chromium',
  '/usr/local/bin/chromium',
  '/usr/bin/google-chrome-stable',
  '/usr/bin/google-chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
];

/**
 * Of @sparticuz/chromium's recommended flags (its `args`, tuned for Lambda), the ones we pass, by name. Left out:
 * --single-process (Lambda's sandboxing; one renderer for every page would blur Playwright's separate contexts),
 * --disable-web-security, --allow-running-insecure-content, --disable-site-isolation-trials and the site
 * isolation --disable-features (the tests must meet the same CORS and mixed-content rules a user's browser
 * enforces), the SwiftShader GL flags (we pass --disable-gpu; nothing here needs WebGL), --enable-features=
 * SharedArrayBuffer (unused), and --headless='shell' (Playwright passes --headless; the binary is headless_shell).
 */
const SPARTICUZ_FLAGS_KEPT = new Set([
  '--no-zygote',
  '--disable-domain-reliability',
  '--no-pings',
  '--no-default-browser-check',
  '--disable-print-preview',
  '--disk-cache-size',
  '--font-render-hinting',
  '--ash-no-nudges',
]);

/** A browser that runs: an executable regular file (after symlinks) whose --version names a Chromium; else why not. */
function probe(file: string): { version?: string; why?: string } {
  try {
    const real = realpathSync(file);
    if (!statSync(real).isFile()) return { why: `${real} is not a regular file` };
    accessSync(real, constants.X_OK);
  } catch (e) {
    return { why: (e as Error).message };
  }
  const r = spawnSync(file, ['--version'], { encoding: 'utf8', timeout: 20_000 });
  if (r.error) return { why: r.error.message };
  if (r.status !== 0) return { why: `\`${file} --version\` exited with ${r.status ?? r.signal}: ${(r.stderr || r.stdout).trim().slice(0, 300)}` };
  const version = r.stdout.trim().split('\n').pop() ?? '';
  if (!/chrom/i.test(version)) return { why: `\`${file} --version\` printed ${JSON.stringify(version.slice(0, 100))}, not a Chromium` };
  return { version };
}

function cacheRoot(): string {
  const xdg = process.env.XDG_CACHE_HOME;
  const home = path.join(xdg && path.isAbsolute(xdg) ? xdg : path.join(os.homedir(), '.cache'), 'kechuang-chromium');
  try {
    mkdirSync(home, { recursive: true });
    accessSync(home, constants.W_OK);
    return home;
  } catch {
    const tmp = path.join(os.tmpdir(), `kechuang-chromium-${process.getuid?.() ?? 'user'}`);
    mkdirSync(tmp, { recursive: true, mode: 0o700 });
    return tmp;
  }
}

interface Unpacked {
  args: string[];
}

function unpackedComplete(dir: string): boolean {
  try {
    accessSync(path.join(dir, 'chromium'), constants.X_OK);
    return ['al2023/lib/libnss3.so', 'fontconfig/fonts.conf', 'args.json'].every((f) => existsSync(path.join(dir, f)));
  } catch {
    return false;
  }
}

/** A fontconfig file for the shipped browser: the system's fonts (CJK among them, when installed) and the package's own Open Sans, so that text renders even with no /etc/fonts at all (without any config its renderer crashes). */
function fontsConf(dir: string): string {
  return `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <dir>/usr/share/fonts</dir>
  <dir>/usr/local/share/fonts</dir>
  <dir prefix="xdg">fonts</dir>
  <dir>${path.join(dir, 'fonts')}</dir>
  <cachedir>${path.join(dir, 'fontconfig-cache')}</cachedir>
</fontconfig>
`;
}

/**
 * Unpacks @sparticuz/chromium into `dir` unless a complete copy is already there. The package unpacks into
 * os.tmpdir(), so a child process does it with TMPDIR pointing at a fresh staging directory beside `dir`
 * (the package's Lambda detection and its environment changes stay in that child), which is then renamed
 * into place: a run that is killed leaves no half copy, and two runs at once both end up with one whole copy.
 */
function unpackSparticuz(pkgDir: string, entry: string, dir: string): { unpacked: Unpacked; fresh: boolean } {
  const read = (): Unpacked => JSON.parse(readFileSync(path.join(dir, 'args.json'), 'utf8')) as Unpacked;
  if (unpackedComplete(dir)) return { unpacked: read(), fresh: false };
  const root = path.dirname(dir);
  const base = path.basename(dir);
  for (const name of readdirSync(root)) {
    // staging directories of runs that were killed, after an hour
    const p = path.join(root, name);
    try {
      if (name.startsWith(`${base}.partial-`) && Date.now() - statSync(p).mtimeMs > 3_600_000) rmSync(p, { recursive: true, force: true });
    } catch {
      // gone meanwhile
    }
  }
  // a copy that is there but damaged (a copy only ever appears whole, by rename)
  if (existsSync(dir) && !unpackedComplete(dir)) rmSync(dir, { recursive: true, force: true });
  const staging = path.join(root, `${base}.partial-${process.pid}-${Date.now()}`);
  mkdirSync(staging);
  try {
    const script = `
      import { join } from 'node:path';
      const { default: chromium, inflate } = await import(${JSON.stringify(pathToFileURL(entry).href)});
      const executablePath = await chromium.executablePath();
      await inflate(join(${JSON.stringify(path.join(pkgDir, 'bin'))}, 'al2023.tar.br'));
      process.stdout.write(JSON.stringify({ executablePath, args: chromium.args }));
    `;
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
      env: { ...process.env, TMPDIR: staging },
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
      timeout: 300_000,
    });
    const { executablePath, args } = JSON.parse(out) as { executablePath: string; args: string[] };
    if (path.resolve(executablePath) !== path.join(staging, 'chromium'))
      throw new Error(`@sparticuz/chromium unpacked to ${executablePath}, not into ${staging}`);
    mkdirSync(path.join(staging, 'fontconfig'));
    writeFileSync(path.join(staging, 'fontconfig', 'fonts.conf'), fontsConf(dir));
    writeFileSync(path.join(staging, 'args.json'), JSON.stringify({ args } satisfies Unpacked));
    try {
      renameSync(staging, dir);
    } catch (e) {
      // another run put its copy in place first
      if (!unpackedComplete(dir)) throw e;
    }
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  return { unpacked: read(), fresh: true };
}

function sparticuz(skipped: string[]): BrowserChoice {
  const require = createRequire(import.meta.url);
  let entry: string;
  try {
    entry = require.resolve('@sparticuz/chromium');
  } catch {
    throw new Error(
      'no Chromium found and the dev dependency @sparticuz/chromium is not installed: run `npm ci`, `apt-get install chromium`, or set CHROMIUM_PATH',
    );
  }
  const pkgDir = path.dirname(path.dirname(entry));
  const { version } = JSON.parse(readFileSync(path.join(pkgDir, 'package.json'), 'utf8')) as { version: string };
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new Error(
      `no Chromium found, and the one in @sparticuz/chromium ${version} is for Linux x64 only (this is ${process.platform} ${process.arch}): install Chromium or set CHROMIUM_PATH`,
    );
  }
  const dir = path.join(cacheRoot(), version);
  const { unpacked, fresh } = unpackSparticuz(pkgDir, entry, dir);
  const kept = unpacked.args.filter((a) => SPARTICUZ_FLAGS_KEPT.has(a.split('=')[0]));
  const lib = path.join(dir, 'al2023', 'lib');
  return {
    executablePath: path.join(dir, 'chromium'),
    args: [...OUR_FLAGS, ...kept],
    env: {
      // NSS, NSPR and expat as the package ships them for Amazon Linux 2023: a bare system may lack them
      LD_LIBRARY_PATH: process.env.LD_LIBRARY_PATH ? `${lib}:${process.env.LD_LIBRARY_PATH}` : lib,
      FONTCONFIG_PATH: path.join(dir, 'fontconfig'),
    },
    description: `Chromium from @sparticuz/chromium ${version} at ${path.join(dir, 'chromium')} (${fresh ? 'unpacked now' : 'unpacked earlier'}; ${skipped.length ? `passed over: ${skipped.join('; ')}` : 'no system Chromium'})`,
  };
}

/** Finds the browser for the browser tests (see the top of this file); throws with what to do when there is none. */
export function findBrowser(): BrowserChoice {
  const configured = process.env.CHROMIUM_PATH;
  if (configured) {
    const { version, why } = probe(configured);
    if (!version) throw new Error(`CHROMIUM_PATH=${configured} does not run: ${why}`);
    return { executablePath: configured, args: OUR_FLAGS, env: {}, description: `${version} at CHROMIUM_PATH=${configured}` };
  }
  const skipped: string[] = [];
  for (const candidate of SYSTEM_CHROMIUMS) {
    if (!existsSync(candidate)) continue;
    const { version, why } = probe(candidate);
    if (version) return { executablePath: candidate, args: OUR_FLAGS, env: {}, description: `the system's ${version} at ${candidate}` };
    skipped.push(`${candidate} (${why})`);
  }
  return sparticuz(skipped);
}

/** vitest globalSetup: choose once, say so once, hand the choice to every test file. */
export default function setup(project: TestProject): void {
  const choice = findBrowser();
  console.log(`browser tests: using ${choice.description}`);
  project.provide('e2eBrowser', choice);
}
