/**
 * A steady poller: every `intervalMs` it sends one GET to each endpoint (one request in flight per
 * endpoint; when an answer comes later than the next tick, the next request goes as soon as it is in),
 * and records when each request was sent (epoch milliseconds, sub-millisecond) and how long its answer
 * took to arrive in full. It runs in a child process of its own, as bench/lib/load.ts does, so that a
 * stalled server event loop shows up as slow answers, exactly as a user's browser would see it, instead
 * of as a late timer inside the stalled process (which would hide the stall from the measurement).
 */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export interface PollTarget {
  label: string;
  url: string;
  headers: Record<string, string>;
}

export interface PollSample {
  /** epoch ms (performance.timeOrigin + performance.now()) when the request was sent */
  at: number;
  ms: number;
  status: number;
}

export const epochNow = (): number => performance.timeOrigin + performance.now();

export interface Poller {
  /** starts polling every target; samples gather until stop() */
  start(targets: PollTarget[], intervalMs: number): Promise<void>;
  /** stops and answers every sample, by target label */
  stop(): Promise<Record<string, PollSample[]>>;
  close(): void;
}

type Command = { op: 'start'; targets: PollTarget[]; intervalMs: number } | { op: 'stop' };

function runPoller(): void {
  let running = false;
  let samples: Record<string, PollSample[]> = {};
  let loops: Promise<void>[] = [];
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
  async function loop(t: PollTarget, intervalMs: number): Promise<void> {
    let next = performance.now();
    while (running) {
      const at = epochNow();
      const t0 = performance.now();
      let status: number;
      try {
        const res = await fetch(t.url, { headers: t.headers });
        await res.arrayBuffer();
        status = res.status;
      } catch {
        status = 0; // no answer
      }
      samples[t.label].push({ at, ms: performance.now() - t0, status });
      next += intervalMs;
      const wait = next - performance.now();
      if (wait > 0) await sleep(wait);
      else next = performance.now();
    }
  }
  process.on('message', (cmd: Command) => {
    if (cmd.op === 'start') {
      running = true;
      samples = Object.fromEntries(cmd.targets.map((t) => [t.label, []]));
      loops = cmd.targets.map((t) => loop(t, cmd.intervalMs));
      process.send!({ op: 'started' });
    } else {
      running = false;
      void Promise.all(loops).then(() => process.send!({ op: 'stopped', samples }));
    }
  });
  process.on('disconnect', () => process.exit(0));
}

/** Starts the poller process. */
export function startPoller(): Poller {
  const child: ChildProcess = fork(fileURLToPath(import.meta.url), ['--poll-client'], {
    execArgv: process.execArgv,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const ask = <T>(cmd: Command, answer: string) =>
    new Promise<T>((resolve, reject) => {
      const onExit = (code: number | null) => reject(new Error(`poll client exited with ${code}`));
      child.once('exit', onExit);
      const onMessage = (m: { op: string } & T) => {
        if (m.op !== answer) return;
        child.off('exit', onExit);
        child.off('message', onMessage);
        resolve(m);
      };
      child.on('message', onMessage);
      child.send(cmd);
    });
  return {
    async start(targets, intervalMs) {
      await ask({ op: 'start', targets, intervalMs }, 'started');
    },
    async stop() {
      return (await ask<{ samples: Record<string, PollSample[]> }>({ op: 'stop' }, 'stopped')).samples;
    },
    close() {
      child.disconnect();
      child.kill();
    },
  };
}

if (process.argv.includes('--poll-client') && process.send) runPoller();
