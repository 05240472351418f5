import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, connect, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { Browser, type Answer } from '../../../scripts/drill/browser';
import { creditCodeCheckCharacter } from '#common';
import { engine } from '../../../test/test-database';

/**
 * The fault drill: the real server (server/src/main.ts, its own process) on PostgreSQL reached through
 * a TCP proxy this test controls. While a few clients keep asking (health, the login page's captcha, a
 * signed-in read and a write), the database drops (every connection cut, new ones refused), stalls
 * (connections accepted, nothing forwarded) and comes back. The server must stay up, answer 503
 * UNAVAILABLE within its timeouts while the database is away, and serve again by itself afterwards.
 * Runs on the PostgreSQL project only (TEST_DATABASE_URL); DRILL_DEBUG=1 prints every answer and the
 * server's output.
 */

const statementTimeoutMs = 1_500;
const connectTimeoutMs = 1_000;
const healthTimeoutMs = 1_000;
// A correctness bound, not a speed target: the machine's CPU is shared.
const answerBoundMs = statementTimeoutMs + 3_000;
const captchaCode = 'drill';
const password = 'Drill#2026pw';

type Mode = 'up' | 'down' | 'stalled';

interface Pair {
  client: Socket;
  upstream: Socket | null;
  /** Bytes held back while stalled, in order, per direction: TCP would deliver them once the path heals. */
  toServer: Buffer[];
  toClient: Buffer[];
}

/** A PostgreSQL in front of the real one that can be cut, stalled and restored. */
class FaultProxy {
  mode: Mode = 'up';
  private readonly pairs = new Set<Pair>();
  private readonly server: Server;

  constructor(private readonly target: { host: string; port: number }) {
    this.server = createServer((client) => this.accept(client));
  }

  async listen(): Promise<number> {
    await new Promise<void>((done) => this.server.listen(0, '127.0.0.1', done));
    return (this.server.address() as { port: number }).port;
  }

  private accept(client: Socket): void {
    if (this.mode === 'down') {
      client.resetAndDestroy();
      return;
    }
    const pair: Pair = { client, upstream: null, toServer: [], toClient: [] };
    this.pairs.add(pair);
    client.on('data', (chunk) =>
      this.mode === 'up' && pair.upstream ? pair.upstream.write(chunk) : pair.toServer.push(chunk),
    );
    client.on('error', () => undefined);
    client.on('close', () => this.end(pair));
    if (this.mode === 'up') this.dial(pair);
  }

  private dial(pair: Pair): void {
    const upstream = connect(this.target.port, this.target.host);
    pair.upstream = upstream;
    // Written at once: the socket keeps them, in order, until it is connected.
    this.flush(pair);
    upstream.on('data', (chunk) => (this.mode === 'up' ? pair.client.write(chunk) : pair.toClient.push(chunk)));
    upstream.on('error', () => undefined);
    upstream.on('close', () => this.end(pair));
  }

  private flush(pair: Pair): void {
    if (!pair.upstream) return;
    for (const chunk of pair.toServer.splice(0)) pair.upstream.write(chunk);
    for (const chunk of pair.toClient.splice(0)) pair.client.write(chunk);
  }

  private end(pair: Pair): void {
    if (!this.pairs.delete(pair)) return;
    pair.client.destroy();
    pair.upstream?.destroy();
  }

  /** The database went away: every connection is cut, new ones are refused. */
  drop(): void {
    this.mode = 'down';
    for (const pair of [...this.pairs]) {
      pair.client.resetAndDestroy();
      this.end(pair);
    }
  }

  /** The database (or the path to it) hangs: connections are accepted, nothing gets through. */
  stall(): void {
    this.mode = 'stalled';
  }

  restore(): void {
    this.mode = 'up';
    for (const pair of this.pairs) {
      if (pair.upstream) this.flush(pair);
      else this.dial(pair);
    }
  }

  async close(): Promise<void> {
    for (const pair of [...this.pairs]) this.end(pair);
    await new Promise<void>((done) => this.server.close(() => done()));
  }
}

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((done) => probe.listen(0, '127.0.0.1', done));
  const { port } = probe.address() as { port: number };
  await new Promise<void>((done) => probe.close(() => done()));
  return port;
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

describe.skipIf(engine !== 'postgres')('fault drill: PostgreSQL drops, stalls and returns under load', () => {
  const adminUrl = process.env.TEST_DATABASE_URL!;
  const name = `${inject('dbTemplate')}_drill_${randomBytes(4).toString('hex')}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'zc-drill-'));
  let proxy: FaultProxy;
  let server: ChildProcess;
  let output = '';
  let exited: number | string | null = null;
  let base: string;

  beforeAll(async () => {
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`create database ${name} template ${inject('dbTemplate')}`);
    await admin.end();
    const target = new URL(adminUrl);
    proxy = new FaultProxy({ host: target.hostname, port: Number(target.port || 5432) });
    const proxyPort = await proxy.listen();
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    server = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
      env: {
        ...process.env,
        NODE_ENV: 'test',
        PORT: String(port),
        HOST: '127.0.0.1',
        DATABASE_URL: `postgres://${target.username || 'postgres'}@127.0.0.1:${proxyPort}/${name}`,
        DATABASE_POOL_SIZE: '4',
        DATABASE_CONNECT_TIMEOUT_MS: String(connectTimeoutMs),
        DATABASE_STATEMENT_TIMEOUT_MS: String(statementTimeoutMs),
        HEALTH_TIMEOUT_MS: String(healthTimeoutMs),
        // The notifier's own rounds run during the outage too: one failing must not end the process.
        NOTIFIER_INTERVAL_MS: '300',
        DATA_DIR: dataDir,
        WEB_DIST_DIR: '/nonexistent',
        CAPTCHA_TEST_CODE: captchaCode,
        LOG_LEVEL: 'warn',
        RATE_LIMIT_LOGIN: '100000',
        RATE_LIMIT_REGISTER: '100000',
        RATE_LIMIT_SMS: '100000',
        RATE_LIMIT_CAPTCHA: '100000',
        SMS_DAILY_LIMIT_PER_IP: '100000',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    server.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    server.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    server.on('exit', (code, signal) => (exited = code ?? signal));
    const deadline = Date.now() + 60_000;
    while (!/zhicheng 已启动/.test(output)) {
      if (exited !== null) throw new Error(`the server exited at start:\n${output}`);
      if (Date.now() > deadline) throw new Error(`the server did not start:\n${output}`);
      await sleep(100);
    }
  }, 90_000);

  afterAll(async () => {
    if (process.env.DRILL_DEBUG) console.log(`server exited: ${exited}\n${output}`);
    if (server && exited === null) {
      const gone = new Promise((done) => server.once('exit', done));
      server.kill('SIGTERM');
      await gone;
    }
    await proxy?.close();
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
    rmSync(dataDir, { recursive: true, force: true });
  }, 30_000);

  /** A unit registered and signed in through the API, with a licence to save 单位信息 with. */
  async function signedInUnit() {
    const browser = new Browser(base);
    const phone = `136${String(Date.now()).slice(-8)}`;
    const first17 = `91530100${String(Date.now()).slice(-9)}`;
    const creditCode = first17 + creditCodeCheckCharacter(first17)!;
    const smsCaptcha = await browser.send('GET', '/api/captcha');
    const sms = await browser.send('POST', '/api/sms/codes', {
      phone,
      purpose: 'unitRegister',
      captchaId: smsCaptcha.body.captchaId,
      captchaCode,
    });
    expect(sms.status).toBe(200);
    const outbox = await browser.send('GET', `/api/dev/sms-outbox?phone=${phone}`);
    const smsCode = /(\d{6})/.exec(outbox.body.items[0].content as string)![1];
    const registered = await browser.send('POST', '/api/units/register', {
      unitName: '演练单位',
      creditCode,
      contactName: '演练',
      phone,
      smsCode,
      password,
      confirmPassword: password,
    });
    expect(registered.status, JSON.stringify(registered.body)).toBe(201);
    const captcha = await browser.send('GET', '/api/captcha');
    const login = await browser.send('POST', '/api/auth/login', {
      kind: 'unit',
      username: creditCode,
      password,
      captchaId: captcha.body.captchaId,
      captchaCode,
    });
    expect(login.status, JSON.stringify(login.body)).toBe(200);
    const form = new FormData();
    form.append('file', new Blob([Buffer.from('%PDF-1.4\n%%EOF\n')], { type: 'application/pdf' }), '营业执照.pdf');
    const license = await browser.send('POST', '/api/units/me/license', form);
    expect(license.status, JSON.stringify(license.body)).toBe(201);
    return { browser, licenseFileId: license.body.id as string };
  }

  it('stays up, answers 503 UNAVAILABLE while the database is away, and serves again when it returns', async () => {
    const { browser, licenseFileId } = await signedInUnit();
    let serial = 0;
    const kinds = {
      health: () => new Browser(base).send('GET', '/api/health'),
      captcha: () => new Browser(base).send('GET', '/api/captcha'),
      read: () => browser.send('GET', '/api/units/me'),
      write: () =>
        browser.send('PUT', '/api/units/me/info', {
          licenseFileId,
          nature: 'institution',
          level: 'county',
          regionCode: '530102',
          contactName: `演练${++serial}`,
          contactPhone: '0871-63112233',
        }),
    };
    type Kind = keyof typeof kinds;
    // A request counts for a phase only when it began and ended inside it.
    let phase: Mode | 'back' = 'up';
    const log: { kind: Kind; phase: string; answer: Answer }[] = [];
    let running = true;
    const client = async (kind: Kind) => {
      while (running) {
        const began = phase;
        const answer = await kinds[kind]();
        log.push({ kind, phase: began === phase ? began : 'between', answer });
        await sleep(50);
      }
    };

    const all = Object.keys(kinds) as Kind[];
    const clients = all.map((kind) => client(kind));
    await sleep(1_500);
    phase = 'down';
    proxy.drop();
    await sleep(5_000);
    phase = 'up';
    proxy.restore();
    await sleep(1_500);
    phase = 'stalled';
    proxy.stall();
    await sleep(10_000);
    phase = 'back';
    proxy.restore();

    // Back without a restart: health within a bounded time, then every kind of request.
    const backBy = Date.now() + 20_000;
    for (;;) {
      const health = await kinds.health();
      if (health.status === 200) break;
      if (process.env.DRILL_DEBUG) console.log('health', health.status, health.ms, JSON.stringify(health.body));
      expect(Date.now(), 'health did not come back within 20 s').toBeLessThan(backBy);
      await sleep(200);
    }
    await sleep(2_000);
    running = false;
    await Promise.all(clients);
    for (const kind of all) {
      const answer = await kinds[kind]();
      expect(answer.status, `${kind} after the return: ${JSON.stringify(answer.body)}`).toBe(200);
    }
    // The write answered last is the one stored.
    expect((await browser.send('GET', '/api/units/me/info')).body.contactName).toBe(`演练${serial}`);

    const summary = (entries: typeof log) =>
      entries.map((e) => `${e.phase} ${e.kind} ${e.answer.status} ${e.answer.ms}ms`).join('\n');
    // Anywhere in the drill: an answer (never a hang, never a 500), and only success or 503 UNAVAILABLE.
    const wrong = log.filter(
      (e) => !(e.answer.status === 200 || (e.answer.status === 503 && e.answer.body?.code === 'UNAVAILABLE')),
    );
    expect(wrong.map((e) => `${e.phase} ${e.kind} ${e.answer.status} ${JSON.stringify(e.answer.body)}`)).toEqual([]);
    if (process.env.DRILL_DEBUG) console.log(summary(log));
    for (const away of ['down', 'stalled'] as const) {
      const during = log.filter((e) => e.phase === away);
      for (const kind of all) {
        expect(
          during.some((e) => e.kind === kind),
          `no ${kind} request ran while ${away}`,
        ).toBe(true);
      }
      const served = during.filter((e) => e.answer.status !== 503);
      expect(
        served.map((e) => `${e.kind} ${e.answer.status}`),
        `answered while ${away}`,
      ).toEqual([]);
      const slow = during.filter((e) => e.answer.ms > answerBoundMs);
      expect(
        slow.map((e) => `${e.kind} ${e.answer.ms}ms`),
        `slower than ${answerBoundMs} ms while ${away}`,
      ).toEqual([]);
    }
    expect(log.filter((e) => e.phase === 'up' && e.answer.status === 200).length).toBeGreaterThan(0);

    // The process lived through it all, and nothing escaped the error handler.
    expect(exited, output).toBeNull();
    expect(output, summary(log)).not.toMatch(/unhandled error|uncaught|unhandledRejection|FATAL/i);
  }, 120_000);
});
