/**
 * npm run bench: measures the running system with autocannon against servers started here, each
 * beside a bare Fastify route measured in the same run, and writes the figures to docs/benchmarks.md.
 * BENCH_SECONDS (default 10) sets the length of each scenario; BENCH_DATABASE_URL adds a run on
 * PostgreSQL (a fresh database is created on that server and dropped afterwards).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import autocannon from 'autocannon';
import pg from 'pg';
import { creditCodeCheckCharacter } from '#common';
import { start, stop } from './processes';

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
// Other work on the machine skews every figure: the page says how busy it was when the run began.
const loadAtStart = loadavg()[0]!.toFixed(1);

interface Row {
  scenario: string;
  engine: string;
  connections: number;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
}

async function measure(scenario: string, engine: string, options: autocannon.Options): Promise<Row> {
  const result = await autocannon({ duration: seconds, connections: 10, ...options });
  const errors = result.errors + result.non2xx;
  console.log(
    `${scenario} [${engine}]: ${result.requests.average.toFixed(0)} req/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, errors ${errors}`,
  );
  return {
    scenario,
    engine,
    connections: options.connections ?? 10,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors,
  };
}

/** A unit to log in as, registered through the API with the code from the development outbox. */
async function prepareLogin(base: string) {
  const session = await fetch(`${base}/api/session`);
  const cookie = session.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const { csrfToken } = (await session.json()) as { csrfToken: string };
  const headers = { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken };
  const phone = `137${String(Date.now()).slice(-8)}`;
  const first17 = `91530100${String(Date.now()).slice(-9)}`;
  const creditCode = first17 + creditCodeCheckCharacter(first17)!;
  const password = 'Bench#2026pw';
  await fetch(`${base}/api/sms/codes`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ phone, purpose: 'unitRegister', captchaId: randomUUID(), captchaCode: 'bench' }),
  });
  const outbox = (await (await fetch(`${base}/api/dev/sms-outbox?phone=${phone}`)).json()) as {
    items: { content: string }[];
  };
  const smsCode = /(\d{6})/.exec(outbox.items[0]!.content)![1];
  const reg = await fetch(`${base}/api/units/register`, {
    method: 'POST',
    headers,
    body: JSON.stringify({
      unitName: '压测单位',
      creditCode,
      contactName: '压测',
      phone,
      smsCode,
      password,
      confirmPassword: password,
    }),
  });
  if (reg.status !== 201) throw new Error(`registration failed: ${await reg.text()}`);
  return {
    headers,
    body: JSON.stringify({
      kind: 'unit',
      username: creditCode,
      password,
      captchaId: randomUUID(),
      captchaCode: 'bench',
    }),
  };
}

async function runEngine(engine: string, databaseUrl: string | undefined): Promise<Row[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'zc-bench-'));
  const port = 3211;
  const env: Record<string, string> = {
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    DEMO_DATA: 'false',
    CAPTCHA_TEST_CODE: 'bench',
    RATE_LIMIT_LOGIN: '100000000',
    RATE_LIMIT_REGISTER: '100000000',
    RATE_LIMIT_SMS: '100000000',
    WEB_DIST_DIR: '/nonexistent',
  };
  if (databaseUrl) env.DATABASE_URL = databaseUrl;
  const server = await start('server/src/main.ts', env, /zhicheng 已启动/);
  const bare = await start('bench/bare-server.ts', { PORT: '3201' }, /bare server ready/);
  const base = `http://127.0.0.1:${port}`;
  try {
    const login = await prepareLogin(base);
    return [
      await measure('GET /api/health', engine, { url: `${base}/api/health` }),
      await measure('bare Fastify GET /health', engine, { url: 'http://127.0.0.1:3201/health' }),
      await measure('POST /api/auth/login (unit, argon2id)', engine, {
        url: `${base}/api/auth/login`,
        method: 'POST',
        headers: login.headers,
        body: login.body,
      }),
      await measure('bare Fastify POST /argon2 (one argon2id verify)', engine, {
        url: 'http://127.0.0.1:3201/argon2',
        method: 'POST',
      }),
    ];
  } finally {
    await stop(server);
    await stop(bare);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function withFreshPostgres<T>(url: string, run: (dbUrl: string) => Promise<T>): Promise<T> {
  const name = `zc_bench_${Date.now()}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const target = new URL(url);
  target.pathname = `/${name}`;
  try {
    return await run(target.toString());
  } finally {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

const rows = await runEngine('PGlite (embedded)', undefined);
if (process.env.BENCH_DATABASE_URL)
  rows.push(...(await withFreshPostgres(process.env.BENCH_DATABASE_URL, (url) => runEngine('PostgreSQL', url))));

const fmt = (n: number) => (n >= 100 ? n.toFixed(0) : n.toFixed(1));
const table = rows
  .map((r) => `| ${r.scenario} | ${r.engine} | ${r.connections} | ${fmt(r.rps)} | ${r.p50} | ${r.p99} | ${r.errors} |`)
  .join('\n');
const doc = `# Benchmarks

Written by \`npm run bench\` (bench/run.ts). Each scenario runs ${seconds} s with autocannon from the same
machine; the system runs as \`npm start\` would (its own process), the bare Fastify yardstick in another.
Login is argon2id-bound by design (about 19 ms of one core a hash): compare it with the bare route that
only verifies one argon2id hash.

- Date: ${new Date().toISOString()}
- Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}; load average at start ${loadAtStart}
- Command: \`npm run bench\`${process.env.BENCH_DATABASE_URL ? ' with `BENCH_DATABASE_URL` set (PostgreSQL rows)' : ''}

| scenario | database | connections | req/s (mean) | p50 ms | p99 ms | errors + non-2xx |
|---|---|---|---|---|---|---|
${table}
`;
writeFileSync('docs/benchmarks.md', doc);
console.log('\nwritten to docs/benchmarks.md');
