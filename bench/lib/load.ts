/**
 * A closed-loop HTTP load: `concurrency` clients, each sending its next request when the previous
 * answer has been read in full, over keep-alive connections (Node's fetch), until `maxRequests` have
 * been sent or `maxSeconds` have passed.
 *
 * The clients run in a child process of their own (this same file, forked with tsx's loader), so
 * that their work competes with the server for the CPU as real clients would, not inside the server's
 * event loop. (A worker thread cannot load TypeScript under tsx on Node 20.)
 */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export interface LoadSpec {
  url: string;
  /** when given, the requests take these URLs in turn (the first request urls[0], …) instead of `url` */
  urls?: string[];
  headers: Record<string, string>;
  concurrency: number;
  maxRequests: number;
  maxSeconds: number;
}

export interface LoadResult {
  /** milliseconds of every successful request, from sending it to the last byte of the body */
  latencies: number[];
  errors: number;
  /** the first few error descriptions */
  errorSamples: string[];
  elapsedMs: number;
  bytes: number;
}

async function runLoad(spec: LoadSpec): Promise<LoadResult> {
  const latencies: number[] = [];
  const errorSamples: string[] = [];
  let errors = 0;
  let sent = 0;
  let bytes = 0;
  const start = performance.now();
  const deadline = start + spec.maxSeconds * 1000;
  async function client(): Promise<void> {
    while (sent < spec.maxRequests && performance.now() < deadline) {
      const url = spec.urls ? spec.urls[sent % spec.urls.length] : spec.url;
      sent++;
      const t = performance.now();
      try {
        const res = await fetch(url, { headers: spec.headers });
        const body = await res.arrayBuffer();
        const took = performance.now() - t;
        bytes += body.byteLength;
        if (res.status !== 200) {
          errors++;
          if (errorSamples.length < 5) errorSamples.push(`HTTP ${res.status}: ${Buffer.from(body).toString('utf8').slice(0, 200)}`);
        } else latencies.push(took);
      } catch (e) {
        errors++;
        if (errorSamples.length < 5) errorSamples.push(String((e as Error).cause ?? e));
      }
    }
  }
  await Promise.all(Array.from({ length: spec.concurrency }, client));
  return { latencies, errors, errorSamples, elapsedMs: performance.now() - start, bytes };
}

export interface LoadClient {
  run(spec: LoadSpec): Promise<LoadResult>;
  close(): void;
}

/** Starts the client process; each run() sends it one load and waits for its result. */
export function startLoadClient(): LoadClient {
  const child: ChildProcess = fork(fileURLToPath(import.meta.url), ['--load-client'], {
    execArgv: process.execArgv,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return {
    run(spec) {
      return new Promise((resolve, reject) => {
        const onExit = (code: number | null) => reject(new Error(`load client exited with ${code}`));
        child.once('exit', onExit);
        child.once('message', (r) => {
          child.off('exit', onExit);
          resolve(r as LoadResult);
        });
        child.send(spec);
      });
    },
    close() {
      child.disconnect();
      child.kill();
    },
  };
}

if (process.argv.includes('--load-client') && process.send) {
  process.on('message', (spec: LoadSpec) => {
    void runLoad(spec).then((r) => process.send!(r));
  });
  process.on('disconnect', () => process.exit(0));
}
