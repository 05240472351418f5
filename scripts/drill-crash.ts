/**
 * npm run drill:crash: the real server is killed with SIGKILL at random moments while it takes mixed
 * writes over HTTP (表一 saves, uploads, submissions, unit opinions, decisions), restarted, again and
 * again; then every acknowledged write must be in the database, each application's state must equal
 * the replay of its review log, and once the orphan sweeper has run no file is left without its row
 * and no row without its file.
 *
 *   npm run drill:crash -- [--engine pglite|postgres|both] [--rounds 20] [--workers 3]
 *
 * PGlite runs in a fresh temporary data folder; PostgreSQL in a fresh database on DRILL_DATABASE_URL
 * (default postgres://postgres@127.0.0.1:5432/postgres), dropped at the end. Exits 1 when an
 * acknowledged write is missing, a state differs from its replay, the server answered 5xx, or an
 * orphan outlived the sweep.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { openDatabase, type DatabaseOptions } from '../server/src/db/database';
import { createLocalFileStorage } from '../server/src/modules/storage/file-storage';
import { sweepOrphans, type SweepResult } from '../server/src/modules/storage/orphan-sweeper';
import { createAdminAccount, killHard, startServer, stopGracefully } from './drill/server-process';
import { verify, type Findings } from './drill/verify';
import { newLedger, runWorkload, type Ledger } from './drill/workload';
import { captchaCode, password, seedWorld } from './drill/world';

const { values } = parseArgs({
  options: {
    engine: { type: 'string', default: 'both' },
    rounds: { type: 'string', default: '20' },
    workers: { type: 'string', default: '3' },
    people: { type: 'string', default: '6' },
  },
});
const engines = values.engine === 'both' ? ['pglite', 'postgres'] : [values.engine!];
if (!engines.every((e) => e === 'pglite' || e === 'postgres')) {
  console.error('--engine: pglite, postgres or both');
  process.exit(2);
}
const rounds = Number(values.rounds);
const workers = Number(values.workers);
const port = 3321;
const base = `http://127.0.0.1:${port}`;
const adminUrl = process.env.DRILL_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

interface EngineReport {
  engine: string;
  rounds: number;
  kills: number;
  seconds: number;
  readyMs: number[];
  ledger: Ledger;
  findings: Findings;
  /** What the orphan sweeper removed after the last kill (with no grace: the server is stopped). */
  swept: SweepResult;
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));
const afterTheGrace = { now: () => new Date(Date.now() + 60_000) };

async function drill(engine: string, databaseUrl: string | undefined, dataDir: string): Promise<EngineReport> {
  const began = Date.now();
  const filesDir = join(dataDir, 'files');
  const env: Record<string, string> = {
    NODE_ENV: 'test',
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    FILES_DIR: filesDir,
    WEB_DIST_DIR: '/nonexistent',
    DEMO_DATA: 'false',
    CAPTCHA_TEST_CODE: captchaCode,
    LOG_LEVEL: 'warn',
    RATE_LIMIT_LOGIN: '1000000',
    RATE_LIMIT_REGISTER: '1000000',
    RATE_LIMIT_SMS: '1000000',
    RATE_LIMIT_CAPTCHA: '1000000',
    SMS_DAILY_LIMIT_PER_IP: '1000000',
    // Keys that outlive the restarts: a test server on PostgreSQL without them makes new ones at each
    // start and could read nothing it sealed before the kill.
    FIELD_ENCRYPTION_KEYS: `k1:${randomBytes(32).toString('base64')}`,
    FIELD_HASH_KEY: randomBytes(32).toString('base64'),
    SMS_DAILY_LIMIT: '1000',
    ...(databaseUrl ? { DATABASE_URL: databaseUrl, DATABASE_STATEMENT_TIMEOUT_MS: '10000' } : {}),
  };
  const admin = { username: 'drill-admin', password };
  createAdminAccount(env, admin.username, admin.password);
  let server = await startServer(env, base);
  const readyMs = [server.readyMs];
  const world = await seedWorld(base, admin, Number(values.people));
  const ledger = newLedger();
  let kills = 0;
  for (let round = 1; round <= rounds; round++) {
    // Killed at a random moment 0.5–4 s into the round, whatever is in flight.
    const killAt = Date.now() + 500 + Math.random() * 3_500;
    const load = runWorkload(world, round, ledger, workers, () => Date.now() >= killAt);
    await sleep(killAt - Date.now());
    await killHard(server);
    kills++;
    await load;
    server = await startServer(env, base);
    readyMs.push(server.readyMs);
    const acked = ledger.writes.filter((w) => w.acked).length;
    console.log(
      `[${engine}] round ${round}/${rounds}: killed, healthy again in ${server.readyMs} ms; ${acked} writes acknowledged so far`,
    );
  }
  // The last start recovered from the last kill; a clean stop lets the checker open the database itself.
  await stopGracefully(server);
  const options: DatabaseOptions = databaseUrl ? { kind: 'postgres', url: databaseUrl } : { kind: 'pglite', dataDir };
  const handle = await openDatabase(options);
  try {
    // What a crash left between a file and its row is the sweeper's to remove; run it as a server
    // would once the grace has passed, then nothing may be left over and nothing in use may be gone.
    const swept = await sweepOrphans(handle.db, createLocalFileStorage(filesDir), afterTheGrace, {
      fileGraceMinutes: 0,
      rowGraceHours: 0,
    });
    const findings = await verify(handle.db, filesDir, ledger);
    return { engine, rounds, kills, seconds: (Date.now() - began) / 1000, readyMs, ledger, findings, swept };
  } finally {
    await handle.close();
  }
}

async function withEngine(engine: string): Promise<EngineReport> {
  const dataDir = mkdtempSync(join(tmpdir(), `zc-crash-${engine}-`));
  try {
    if (engine === 'pglite') return await drill(engine, undefined, dataDir);
    const name = `zc_crash_${Date.now()}`;
    const adminClient = new pg.Client({ connectionString: adminUrl });
    await adminClient.connect();
    await adminClient.query(`create database ${name}`);
    const target = new URL(adminUrl);
    target.pathname = `/${name}`;
    try {
      return await drill(engine, target.toString(), dataDir);
    } finally {
      await adminClient.query(`drop database if exists ${name} with (force)`);
      await adminClient.end();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function summary(report: EngineReport): string {
  const { ledger, findings, readyMs } = report;
  const acked = ledger.writes.filter((w) => w.acked);
  const byKind = (kind: string) => acked.filter((w) => w.kind === kind).length;
  const sorted = [...readyMs].sort((a, b) => a - b);
  const refused = [...ledger.refused].map(([status, n]) => `${status === 0 ? 'no answer' : status}: ${n}`).join(', ');
  const list = (items: string[]) =>
    items
      .slice(0, 10)
      .map((i) => `      ${i}`)
      .join('\n');
  return [
    `== ${report.engine}: ${report.rounds} rounds, ${report.kills} kills (SIGKILL), ${report.seconds.toFixed(0)} s`,
    `   writes sent ${ledger.writes.length}, acknowledged ${acked.length} (表一 ${byKind('table')}, uploads ${byKind('attachment')}, ` +
      `submissions/decisions ${byKind('transition')}, unit opinions ${byKind('opinion')}); not acknowledged: ${refused || 'none'}`,
    `   start to healthy: median ${sorted[Math.floor(sorted.length / 2)]} ms, max ${sorted.at(-1)} ms (${sorted.length} starts)`,
    `   applications ${findings.applications}, review_log rows ${findings.reviewLogRows}`,
    `   acknowledged writes missing: ${findings.missing.length}${findings.missing.length ? `\n${list(findings.missing)}` : ''}`,
    `   state != replay of review log: ${findings.stateMismatches.length}${findings.stateMismatches.length ? `\n${list(findings.stateMismatches)}` : ''}`,
    `   5xx answers: ${ledger.serverErrors.length}${ledger.serverErrors.length ? `\n${list(ledger.serverErrors)}` : ''}`,
    `   orphan sweeper after the last kill removed ${report.swept.filesRemoved} files and ${report.swept.rowsRemoved} rows`,
    `   then orphan files (no stored_file row): ${findings.orphanFiles.length}; rows whose file is missing: ${findings.orphanRows.length}` +
      (findings.orphanFiles.length + findings.orphanRows.length
        ? `\n${list([...findings.orphanFiles.map((f) => `file ${f}`), ...findings.orphanRows])}`
        : ''),
  ].join('\n');
}

const reports: EngineReport[] = [];
for (const engine of engines) reports.push(await withEngine(engine));
console.log(`\n${reports.map(summary).join('\n\n')}\n`);
const failed = reports.some(
  (r) =>
    r.findings.missing.length ||
    r.findings.stateMismatches.length ||
    r.ledger.serverErrors.length ||
    r.findings.orphanFiles.length ||
    r.findings.orphanRows.length,
);
console.log(failed ? 'DRILL FAILED' : 'DRILL PASSED');
process.exit(failed ? 1 : 0);
