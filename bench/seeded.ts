import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { loadConfig, type Config } from '../server/src/config';
import { fieldCipherFor } from '../server/src/crypto/field-keys';
import { openDatabase, type DatabaseHandle } from '../server/src/db/database';
import { withFieldCipher } from '../server/src/db/personal-data';
import type { Db } from '../server/src/db/database';
import type { DeskSize } from '../server/src/modules/scale-seed/scale-seed';
import { clusterKeys } from './instances';
import { spawnReady } from './processes';

/** A seeded database the benchmarks run on, with what the server needs to read it. */
export interface Seeded {
  engine: 'PostgreSQL' | 'PGlite (embedded)';
  applications: number;
  /** The server's environment for this database (its URL or folder, its keys). */
  env: Record<string, string>;
  databaseUrl?: string;
  password: string;
  desks: Record<'committee' | 'city' | 'county' | 'unit', DeskSize>;
  seedSeconds: number;
  open(): Promise<{ db: Db; config: Config; handle: DatabaseHandle }>;
  drop(): Promise<void>;
}

export const serverEnv: Record<string, string> = {
  HOST: '127.0.0.1',
  NODE_ENV: 'test',
  LOG_LEVEL: 'warn',
  DEMO_DATA: 'false',
  CAPTCHA_TEST_CODE: 'bench',
  RATE_LIMIT_LOGIN: '100000000',
  RATE_LIMIT_REGISTER: '100000000',
  RATE_LIMIT_SMS: '100000000',
  RATE_LIMIT_CAPTCHA: '100000000',
  WEB_DIST_DIR: '/nonexistent',
};

async function runSeed(env: Record<string, string>, applications: number, out: string, drafts = 0): Promise<number> {
  const started = Date.now();
  const seed = await spawnReady(
    process.execPath,
    [
      '--import',
      'tsx',
      'server/src/modules/scale-seed/scale-seed.cli.ts',
      '--applications',
      String(applications),
      '--drafts',
      String(drafts),
      '--out',
      out,
    ],
    { env, ready: /完成，用时/, timeoutMs: 3 * 3600_000 },
  );
  if (seed.child.exitCode === null) await new Promise((done) => seed.child.once('exit', done));
  if (seed.child.exitCode !== 0) throw new Error(`seed:scale failed:\n${seed.output()}`);
  return (Date.now() - started) / 1000;
}

function opener(env: Record<string, string>) {
  return async () => {
    const config = loadConfig({ ...process.env, ...env });
    const handle = await openDatabase(config.database);
    return { db: withFieldCipher(handle.db, fieldCipherFor(config)), config, handle };
  };
}

/**
 * A fresh PostgreSQL database on `serverUrl` with `applications` generated, or one seeded before:
 * BENCH_REUSE_<N>=name:desks.json (with FIELD_ENCRYPTION_KEYS, FIELD_HASH_KEY and BENCH_SEED_PASSWORD as
 * it was seeded with) skips the minutes a million takes.
 */
export async function seededPostgres(serverUrl: string, applications: number, drafts = 0): Promise<Seeded> {
  const reuse = process.env[`BENCH_REUSE_${applications}`];
  const target = new URL(serverUrl);
  if (reuse) {
    const [name, desks] = reuse.split(':');
    target.pathname = `/${name}`;
    const env = {
      ...serverEnv,
      DATABASE_URL: target.toString(),
      FIELD_ENCRYPTION_KEYS: process.env.FIELD_ENCRYPTION_KEYS!,
      FIELD_HASH_KEY: process.env.FIELD_HASH_KEY!,
    };
    return {
      engine: 'PostgreSQL',
      applications,
      env,
      databaseUrl: target.toString(),
      password: process.env.BENCH_SEED_PASSWORD!,
      desks: (JSON.parse(readFileSync(desks!, 'utf8')) as { desks: Seeded['desks'] }).desks,
      seedSeconds: 0,
      open: opener(env),
      drop: async () => undefined,
    };
  }
  const name = `zc_bench_${applications}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  target.pathname = `/${name}`;
  const { AUDIT_CHAIN_KEY: _, ...keys } = clusterKeys();
  const password = `Bench#${randomUUID().slice(0, 8)}`;
  const env = { ...serverEnv, ...keys, DATABASE_URL: target.toString(), SEED_PASSWORD: password };
  const dir = mkdtempSync(join(tmpdir(), 'zc-seed-'));
  const seedSeconds = await runSeed(env, applications, join(dir, 'desks.json'), drafts);
  const desks = (JSON.parse(readFileSync(join(dir, 'desks.json'), 'utf8')) as { desks: Seeded['desks'] }).desks;
  rmSync(dir, { recursive: true, force: true });
  return {
    engine: 'PostgreSQL',
    applications,
    env,
    databaseUrl: target.toString(),
    password,
    desks,
    seedSeconds,
    open: opener(env),
    drop: async () => {
      const cleanup = new pg.Client({ connectionString: serverUrl });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}

/** The embedded database in a folder of its own, seeded (its keys are made in the folder at the first start). */
export async function seededEmbedded(applications: number): Promise<Seeded> {
  const dataDir = mkdtempSync(join(tmpdir(), 'zc-bench-'));
  const password = `Bench#${randomUUID().slice(0, 8)}`;
  const env = { ...serverEnv, DATA_DIR: dataDir, SEED_PASSWORD: password };
  const seedSeconds = await runSeed(env, applications, join(dataDir, 'desks.json'));
  const desks = (JSON.parse(readFileSync(join(dataDir, 'desks.json'), 'utf8')) as { desks: Seeded['desks'] }).desks;
  return {
    engine: 'PGlite (embedded)',
    applications,
    env,
    password,
    desks,
    seedSeconds,
    open: opener(env),
    drop: async () => rmSync(dataDir, { recursive: true, force: true }),
  };
}
