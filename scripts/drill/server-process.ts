import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';

const tsx = resolve('node_modules/tsx/dist/cli.mjs');

export interface RunningServer {
  child: ChildProcess;
  /** From the spawn to the first 200 of /api/health. */
  readyMs: number;
  output(): string;
}

/** The real server (server/src/main.ts) in its own process, as `npm start` runs it, once healthy. */
export async function startServer(env: Record<string, string>, base: string): Promise<RunningServer> {
  const began = Date.now();
  // tsx as a loader in this one process (its CLI would run the server in a grandchild the kill misses).
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000));
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  let exit: string | null = null;
  child.once('exit', (code, signal) => (exit = String(code ?? signal)));
  for (;;) {
    if (exit !== null) throw new Error(`the server exited (${exit}) before it was healthy:\n${output}`);
    if (Date.now() - began > 120_000) throw new Error(`the server was not healthy within 120 s:\n${output}`);
    try {
      const res = await fetch(`${base}/api/health`, { signal: AbortSignal.timeout(2_000) });
      if (res.status === 200) break;
    } catch {
      // not listening yet
    }
    await new Promise((done) => setTimeout(done, 50));
  }
  return { child, readyMs: Date.now() - began, output: () => output };
}

/** kill -9: no shutdown hook runs, the database and the files are left as they are. */
export async function killHard(server: RunningServer): Promise<void> {
  if (server.child.exitCode !== null || server.child.signalCode !== null) return;
  const gone = new Promise((done) => server.child.once('exit', done));
  server.child.kill('SIGKILL');
  await gone;
}

export async function stopGracefully(server: RunningServer): Promise<void> {
  if (server.child.exitCode !== null || server.child.signalCode !== null) return;
  const gone = new Promise((done) => server.child.once('exit', done));
  server.child.kill('SIGTERM');
  await gone;
}

/** The platform admin, made with the operator's CLI while no server runs (PGlite is one process at a time). */
export function createAdminAccount(env: Record<string, string>, username: string, password: string): void {
  const run = spawnSync(
    process.execPath,
    [tsx, 'server/src/modules/admin/admin-create.cli.ts', '--username', username, '--password', password],
    { env: { ...process.env, ...env }, encoding: 'utf8' },
  );
  if (run.status !== 0) throw new Error(`admin:create failed:\n${run.stdout}${run.stderr}`);
}
