/**
 * Child processes of the benchmarks and of the multi-instance test: the server (or the bare yardstick)
 * as `npm start` runs it, and nginx, each started until it says it is ready and stopped with SIGTERM.
 */
import { spawn, type ChildProcess } from 'node:child_process';

export interface Started {
  child: ChildProcess;
  /** What the process wrote lately (stdout and stderr, the last 20 000 characters). */
  output(): string;
}

export interface SpawnOptions {
  env?: Record<string, string>;
  /** Ready when its output matches, or when the probe answers true (asked every 50 ms). */
  ready: RegExp | (() => Promise<boolean>);
  timeoutMs?: number;
}

/** Starts `command` and waits until it is ready; fails with its output when it exits or times out first. */
export function spawnReady(command: string, args: string[], options: SpawnOptions): Promise<Started> {
  const child = spawn(command, args, { env: { ...process.env, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000));
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const started: Started = { child, output: () => output };
  const name = [command, ...args].join(' ');
  return new Promise((done, fail) => {
    let settled = false;
    let probing: ReturnType<typeof setInterval> | undefined;
    const settle = (error: Error | null) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      clearInterval(probing);
      child.removeListener('exit', exited);
      if (error) {
        child.kill('SIGKILL');
        fail(error);
      } else done(started);
    };
    const exited = (code: number | null, signal: string | null) =>
      settle(new Error(`${name} exited (${code ?? signal}) before it was ready:\n${output}`));
    child.once('exit', exited);
    const timer = setTimeout(
      () => settle(new Error(`${name} was not ready within ${options.timeoutMs ?? 120_000} ms:\n${output}`)),
      options.timeoutMs ?? 120_000,
    );
    const { ready } = options;
    if (ready instanceof RegExp) {
      const watch = () => {
        if (ready.test(output)) settle(null);
      };
      child.stdout!.on('data', watch);
      child.stderr!.on('data', watch);
    } else {
      let asking = false;
      probing = setInterval(() => {
        if (asking) return;
        asking = true;
        ready().then(
          (ok) => {
            asking = false;
            if (ok) settle(null);
          },
          () => (asking = false),
        );
      }, 50);
    }
  });
}

/**
 * A TypeScript entry point (server/src/main.ts, bench/bare-server.ts) in its own process, with tsx as a
 * loader of that one process (tsx's CLI would run it in a grandchild that a kill misses).
 */
export async function start(script: string, env: Record<string, string>, ready: RegExp): Promise<ChildProcess> {
  return (await startScript(script, env, ready)).child;
}

export function startScript(script: string, env: Record<string, string>, ready: RegExp): Promise<Started> {
  return spawnReady(process.execPath, ['--import', 'tsx', script], { env, ready });
}

/** SIGTERM (the server's graceful shutdown), then waits for the exit; SIGKILL after `graceMs`. */
export async function stop(child: ChildProcess, graceMs = 15_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((done) => child.once('exit', done));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}
