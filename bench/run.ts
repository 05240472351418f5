/**
 * npm run bench: a province's data generated (npm run seed:scale), the system started on it as
 * `npm start` would, and each scenario measured with autocannon beside a bare yardstick in the same run;
 * the figures and the goals go to docs/benchmarks.md (bench/report.ts).
 *
 * - BENCH_SECONDS (default 10): the length of each scenario.
 * - BENCH_DATABASE_URL: a PostgreSQL server; fresh databases are made on it (and dropped) for the rows on
 *   PostgreSQL. Without it only the embedded database is measured.
 * - BENCH_APPLICATIONS (default 14000): the sizes on PostgreSQL, comma-separated (14000,1400000 puts about
 *   10,000 and 1,000,000 at the committee's desk).
 * - BENCH_EMBEDDED_APPLICATIONS (default 14000, 0 for none): the size on the embedded database.
 * - BENCH_REUSE_<N>: see bench/seeded.ts.
 * - BENCH_REPLAY_APPLICANTS (default 2000) and BENCH_REPLAY_MINUTES (default 2): the deadline-day replay
 *   on PostgreSQL (20000 over 10 minutes is the province's last hour of the issue).
 */
import { loadavg } from 'node:os';
import { listScenarios } from './lists';
import { gatherPlan } from './plan';
import { platformScenarios, workScenarios } from './operations';
import { cipherOf } from '../server/src/db/personal-data';
import { seconds, type Row } from './measure';
import { writeReport, type Run } from './report';
import { seededEmbedded, seededPostgres, type Seeded } from './seeded';
import { start, startScript, stop } from './processes';
import { scaleOut } from './instances';
import { deadlineDay } from './deadline-day';

const loadAtStart = loadavg()[0]!;
const noShedding = {
  LOAD_MAX_EVENT_LOOP_DELAY_MS: '0',
  LOAD_MAX_EVENT_LOOP_UTILIZATION: '0',
  LOAD_MAX_DATABASE_WAITING: '0',
  LOAD_MAX_PASSWORD_CHECKS: '0',
};
const sizes = (process.env.BENCH_APPLICATIONS ?? '14000').split(',').map(Number);
const embedded = Number(process.env.BENCH_EMBEDDED_APPLICATIONS ?? 14000);

async function measureOn(seeded: Seeded): Promise<Row[]> {
  const data = `${seeded.applications.toLocaleString('en')} applications`;
  console.log(`\n== ${seeded.engine}, ${data} (seeded in ${seeded.seedSeconds.toFixed(0)} s)`);
  const opened = await seeded.open();
  const plan = await gatherPlan(opened.db, seeded.desks);
  // The embedded database has one user at a time: the server's, from here on.
  if (seeded.engine !== 'PostgreSQL') await opened.handle.close();
  const port = '3211';
  // Capacity is what is measured here: load shedding (on by default, the replay measures it) would
  // answer 503 exactly when the server is at full use.
  const server = await startScript(
    'server/src/main.ts',
    { ...seeded.env, ...noShedding, PORT: port },
    /zhicheng 已启动/,
  );
  const bare = await start(
    'bench/bare-server.ts',
    { PORT: '3201', ...(seeded.databaseUrl ? { BARE_DATABASE_URL: seeded.databaseUrl } : {}) },
    /bare server ready/,
  );
  const base = `http://127.0.0.1:${port}`;
  const engine = seeded.engine;
  try {
    const rows = await listScenarios(
      {
        base,
        engine,
        data,
        password: seeded.password,
        config: opened.config,
        ...(seeded.databaseUrl
          ? {
              db: opened.db,
              bare: { base: 'http://127.0.0.1:3201', databaseUrl: seeded.databaseUrl, cipher: cipherOf(opened.db) },
            }
          : {}),
      },
      plan.desks,
      plan.applicant,
    );
    const operations = {
      base,
      bareBase: 'http://127.0.0.1:3201',
      password: seeded.password,
      engine,
      data,
      serverPid: server.child.pid!,
    };
    rows.push(...(await platformScenarios(operations, plan.desks[3]!)));
    rows.push(...(await workScenarios(operations, plan)));
    return rows;
  } finally {
    await stop(server.child);
    await stop(bare);
    if (seeded.engine === 'PostgreSQL') await opened.handle.close();
  }
}

const runs: Run[] = [];
for (const applications of process.env.BENCH_DATABASE_URL ? sizes : []) {
  const seeded = await seededPostgres(process.env.BENCH_DATABASE_URL!, applications);
  try {
    runs.push({ seeded, rows: await measureOn(seeded) });
  } finally {
    await seeded.drop();
  }
}
if (embedded > 0) {
  const seeded = await seededEmbedded(embedded);
  try {
    runs.push({ seeded, rows: await measureOn(seeded) });
  } finally {
    await seeded.drop();
  }
}
const extra: Row[] = [];
if (process.env.BENCH_DATABASE_URL) {
  extra.push(...(await replayRows(process.env.BENCH_DATABASE_URL)));
  extra.push(...(await scaleOutRows(process.env.BENCH_DATABASE_URL)));
}

/** The deadline day: its own province, whose crowd all hold drafts, replayed through the API. */
async function replayRows(serverUrl: string): Promise<Row[]> {
  const applicants = Number(process.env.BENCH_REPLAY_APPLICANTS ?? 2000);
  const seeded = await seededPostgres(serverUrl, 2000, applicants);
  const server = await startScript('server/src/main.ts', { ...seeded.env, PORT: '3211' }, /zhicheng 已启动/);
  try {
    const day = await deadlineDay({
      baseUrl: 'http://127.0.0.1:3211',
      databaseUrl: seeded.databaseUrl!,
      applicants,
      minutes: Number(process.env.BENCH_REPLAY_MINUTES ?? 2),
      reviewers: 8,
      engine: 'PostgreSQL',
      log: (line) => console.log(line),
    });
    const data = `${applicants} applicants, ${day.acknowledged.submissions} submissions, ${day.shed} answered 503 and retried, ${day.lost} lost`;
    return day.rows.map((r) => ({
      ...r,
      group: 'deadline day',
      data,
      errors: r.errors + (r.scenario.includes('every request') ? day.lost : 0),
    }));
  } finally {
    await stop(server.child);
    await seeded.drop();
  }
}

async function scaleOutRows(serverUrl: string): Promise<Row[]> {
  const seeded = await seededPostgres(serverUrl, 1);
  try {
    const rows = await scaleOut(seeded.databaseUrl!, seconds);
    return rows.map((r) => ({ ...r, group: 'many servers (nginx on loopback)', data: 'one unit' }));
  } finally {
    await seeded.drop();
  }
}

writeReport({ runs, extra, loadAtStart, seconds });
console.log('\nwritten to docs/benchmarks.md');
