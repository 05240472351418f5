import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { buildApp } from '../server/src/app';
import { systemClock } from '../server/src/clock';
import { loadConfig, type Config } from '../server/src/config';
import { createFieldCipher, formatEncryptionKeys, generateFieldKeys } from '../server/src/crypto/field-cipher';
import { openDatabase, type Db } from '../server/src/db/database';
import { withFieldCipher } from '../server/src/db/personal-data';
import { engine, openTestDatabase } from './test-database';

/** A server listening on a port for a load test, on a fresh database of the engine under test. */
export interface ReplayServer {
  baseUrl: string;
  /** The server's database (with its field keys), to seed and to check. */
  db: Db;
  config: Config;
  close(): Promise<void>;
}

/** A retry after 1 s keeps a small run short; the thresholds stay the production defaults. */
const serverEnv = (filesDir: string): Record<string, string> => ({
  NODE_ENV: 'test',
  WEB_DIST_DIR: '/nonexistent',
  FILES_DIR: filesDir,
  DATA_DIR: filesDir,
  DEMO_DATA: 'false',
  LOG_LEVEL: 'warn',
  LOAD_RETRY_AFTER_SECONDS: '1',
});

/**
 * PostgreSQL: the server as it runs in production, its own process (server/src/main.ts) on a database
 * made from the migrated template. The embedded database: the app in this process, listening on a port.
 */
export async function startReplayServer(): Promise<ReplayServer> {
  return engine === 'postgres' ? startChildOnPostgres() : startInProcess();
}

async function startInProcess(): Promise<ReplayServer> {
  const filesDir = mkdtempSync(join(tmpdir(), 'zc-replay-'));
  const handle = await openTestDatabase();
  const db = withFieldCipher(handle.db, createFieldCipher(generateFieldKeys('replay1')));
  const config = loadConfig(serverEnv(filesDir));
  const app = await buildApp({ config, db, clock: systemClock, logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    db,
    config,
    close: async () => {
      await app.close();
      await handle.close();
      rmSync(filesDir, { recursive: true, force: true });
    },
  };
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  await new Promise((done) => server.close(done));
  return port;
}

async function startChildOnPostgres(): Promise<ReplayServer> {
  const adminUrl = process.env.TEST_DATABASE_URL!;
  const name = `${inject('dbTemplate')}_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name} template ${inject('dbTemplate')}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;

  const keys = generateFieldKeys('replay1');
  const filesDir = mkdtempSync(join(tmpdir(), 'zc-replay-'));
  const port = await freePort();
  const env = {
    ...serverEnv(filesDir),
    DATABASE_URL: url.toString(),
    FIELD_ENCRYPTION_KEYS: formatEncryptionKeys(keys.encryption),
    FIELD_HASH_KEY: keys.hash.toString('base64'),
    PORT: String(port),
    HOST: '127.0.0.1',
  };
  const child = await startChild(env);
  const handle = await openDatabase({ kind: 'postgres', url: url.toString(), poolSize: 4 });
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    db: withFieldCipher(handle.db, createFieldCipher(keys)),
    config: loadConfig(env),
    close: async () => {
      await stopChild(child);
      await handle.close();
      const cleanup = new pg.Client({ connectionString: adminUrl });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
      rmSync(filesDir, { recursive: true, force: true });
    },
  };
}

function startChild(env: Record<string, string>): Promise<ChildProcess> {
  const tsx = resolve('node_modules/tsx/dist/cli.mjs');
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [tsx, 'server/src/main.ts'], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const timer = setTimeout(() => fail(new Error(`the server did not start:\n${output}`)), 60_000);
    const watch = (chunk: Buffer) => {
      output += chunk.toString();
      if (/zhicheng 已启动/.test(output)) {
        clearTimeout(timer);
        done(child);
      }
    };
    child.stdout!.on('data', watch);
    child.stderr!.on('data', watch);
    child.once('exit', (code) => fail(new Error(`the server exited with ${code}:\n${output}`)));
  });
}

async function stopChild(child: ChildProcess): Promise<void> {
  child.removeAllListeners('exit');
  if (child.exitCode !== null) return;
  const exited = new Promise((done) => child.once('exit', done));
  child.kill('SIGTERM');
  await exited;
}
