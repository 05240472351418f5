import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { creditCodeCheckCharacter, idNumberCheckCharacter } from '#common';
import { nginxPath, startCluster, type Cluster } from '../bench/instances';
import { migrations } from '../server/src/db/migrations/index';
import { specialtySeed } from '../server/src/db/seed/specialties';
import { engine } from './test-database';

/**
 * Two servers (server/src/main.ts, each its own process) started together on one fresh PostgreSQL
 * database, with nginx in front: whatever one server holds, the other must know. A visitor is sent to
 * server A for one step and to B for the next, as a load balancer may; the X-Forwarded-For it sends
 * stands for its own address (TRUST_PROXY=1), so that each visitor has its own rate-limit counters.
 */

const skip = !process.env.TEST_DATABASE_URL
  ? 'needs PostgreSQL (TEST_DATABASE_URL): PGlite is one process’s database'
  : engine !== 'postgres'
    ? 'runs in the postgres project'
    : null;
const password = 'Many#2026pw';
const loginLimit = 6;
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

interface Answer {
  status: number;
  body: any;
  headers: Headers;
}

/** One browser: its cookies and CSRF token go with it to whichever server it asks. */
class Visitor {
  private readonly cookies = new Map<string, string>();
  csrf: string | null = null;
  constructor(private readonly ip?: string) {}

  async send(base: string, method: string, path: string, body?: object): Promise<Answer> {
    const headers: Record<string, string> = {};
    if (this.ip) headers['x-forwarded-for'] = this.ip;
    if (this.csrf && method !== 'GET') headers['x-csrf-token'] = this.csrf;
    if (body) headers['content-type'] = 'application/json';
    if (this.cookies.size) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const res = await fetch(`${base}${path}`, { method, headers, body: body && JSON.stringify(body) });
    for (const line of res.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const at = pair.indexOf('=');
      if (at > 0) this.cookies.set(pair.slice(0, at), pair.slice(at + 1));
    }
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : null, headers: res.headers };
  }

  async csrfFrom(base: string): Promise<void> {
    this.csrf = (await this.send(base, 'GET', '/api/session')).body.csrfToken;
  }
}

describe.skipIf(skip !== null)(`several servers on one PostgreSQL behind nginx${skip ? ` (${skip})` : ''}`, () => {
  const adminUrl = process.env.TEST_DATABASE_URL!;
  const name = `zc_many_${process.pid}_${randomBytes(4).toString('hex')}`;
  let cluster: Cluster;
  let db: pg.Pool;
  let A: string;
  let B: string;
  let serial = 0;

  beforeAll(async () => {
    if (!existsSync(nginxPath)) throw new Error(`this test needs nginx at ${nginxPath}: apt-get install nginx`);
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    // Started at once on an empty database: they must take turns to migrate it.
    cluster = await startCluster(url.toString(), 2, {
      env: { NOTIFIER_INTERVAL_MS: '200', RATE_LIMIT_LOGIN: String(loginLimit) },
    });
    [A, B] = cluster.instances.map((i) => i.base) as [string, string];
    db = new pg.Pool({ connectionString: url.toString(), max: 4 });
  }, 180_000);

  afterAll(async () => {
    await db?.end();
    await cluster?.stop();
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }, 60_000);

  /** A captcha drawn by `base`, and its answer as a person would read it off the picture. */
  async function captcha(visitor: Visitor, base: string) {
    const { captchaId } = (await visitor.send(base, 'GET', '/api/captcha')).body;
    const { rows } = await db.query<{ answer: string }>('select answer from captcha where id = $1', [captchaId]);
    return { captchaId, captchaCode: rows[0]!.answer };
  }

  async function smsCode(base: string, phone: string): Promise<string> {
    const { items } = (await new Visitor().send(base, 'GET', `/api/dev/sms-outbox?phone=${phone}`)).body;
    return /(\d{6})/.exec(items[0].content as string)![1]!;
  }

  const phoneOf = () => `139${String(Date.now() + ++serial).slice(-8)}`;

  /** A unit registered with an SMS code sent through `smsVia` and the registration through `registerVia`. */
  async function registerUnit(visitor: Visitor, smsVia: string, registerVia: string) {
    const phone = phoneOf();
    const first17 = `91530100${String(Date.now() + ++serial).slice(-9)}`;
    const creditCode = first17 + creditCodeCheckCharacter(first17)!;
    if (!visitor.csrf) await visitor.csrfFrom(smsVia);
    const sent = await visitor.send(smsVia, 'POST', '/api/sms/codes', {
      phone,
      purpose: 'unitRegister',
      ...(await captcha(visitor, registerVia)),
    });
    expect(sent.status, JSON.stringify(sent.body)).toBe(200);
    const body = {
      unitName: '多实例测试单位',
      creditCode,
      contactName: '测试',
      phone,
      password,
      confirmPassword: password,
    };
    const registered = await visitor.send(registerVia, 'POST', '/api/units/register', {
      ...body,
      smsCode: await smsCode(registerVia, phone),
    });
    expect(registered.status, JSON.stringify(registered.body)).toBe(201);
    const { rows } = await db.query<{ id: number }>('select account_id as id from unit where id = $1', [
      registered.body.unitId,
    ]);
    return { phone, creditCode, accountId: rows[0]!.id };
  }

  async function login(visitor: Visitor, base: string, username: string, pw: string, captchaFrom = base) {
    if (!visitor.csrf) await visitor.csrfFrom(base);
    const shown = await captcha(visitor, captchaFrom);
    return visitor.send(base, 'POST', '/api/auth/login', { kind: 'unit', username, password: pw, ...shown });
  }

  it('both start together on an empty database, which is migrated and loaded once', async () => {
    for (const base of [A, B]) expect((await new Visitor().send(base, 'GET', '/api/health')).status).toBe(200);
    const applied = await db.query('select name from kysely_migration');
    expect(applied.rowCount).toBe(Object.keys(migrations).length);
    const roots = await db.query('select 1 from specialty where parent_id is null');
    expect(roots.rowCount).toBe(Object.keys(specialtySeed).length);
  });

  it('an SMS code sent through A registers through B, and the phone’s resend wait holds on both', async () => {
    const visitor = new Visitor('198.51.100.10');
    await visitor.csrfFrom(A);
    const phone = phoneOf();
    const first = await visitor.send(A, 'POST', '/api/sms/codes', {
      phone,
      purpose: 'unitRegister',
      ...(await captcha(visitor, A)),
    });
    expect(first.status).toBe(200);
    const again = await visitor.send(B, 'POST', '/api/sms/codes', {
      phone,
      purpose: 'unitRegister',
      ...(await captcha(visitor, B)),
    });
    expect(again.body.code).toBe('SMS_TOO_FREQUENT');
    await registerUnit(visitor, A, B);
  });

  it('a captcha of B is used once on A; a session and a CSRF token made on A are good on B', async () => {
    const unit = await registerUnit(new Visitor('198.51.100.11'), B, A);
    const visitor = new Visitor('198.51.100.12');
    await visitor.csrfFrom(A);
    const shown = await captcha(visitor, B);
    const body = { kind: 'unit', username: unit.creditCode, password, ...shown };
    expect((await visitor.send(A, 'POST', '/api/auth/login', body)).status).toBe(200);
    expect((await visitor.send(B, 'POST', '/api/auth/login', body)).body.code).toBe('CAPTCHA_INVALID');
    expect((await visitor.send(B, 'GET', '/api/units/me')).status).toBe(200);

    const stranger = new Visitor('198.51.100.13');
    stranger.csrf = 'forged';
    expect((await stranger.send(B, 'POST', '/api/auth/logout')).status).toBe(403);
    expect((await visitor.send(B, 'POST', '/api/auth/logout')).status).toBe(200);
    expect((await visitor.send(A, 'GET', '/api/units/me')).status).toBe(401);
  });

  it('wrong passwords on A and B make one lock that holds on both, and its notice is made once', async () => {
    const unit = await registerUnit(new Visitor('198.51.100.14'), A, B);
    const visitor = new Visitor('198.51.100.15');
    const answers: Answer[] = [];
    for (let i = 0; i < 5; i++) {
      const [here, there] = i % 2 === 0 ? [A, B] : [B, A];
      answers.push(await login(visitor, here, unit.creditCode, 'Wrong#2026pw', there));
    }
    expect(answers.map((a) => a.body.details?.attemptsLeft ?? a.body.code)).toEqual([4, 3, 2, 1, 'ACCOUNT_LOCKED']);
    const right = await login(new Visitor('198.51.100.16'), A, unit.creditCode, password);
    expect(right.body.code).toBe('ACCOUNT_LOCKED');

    const messages = async () =>
      (await db.query('select 1 from message where recipient_account_id = $1', [unit.accountId])).rowCount;
    for (let waited = 0; (await messages()) === 0 && waited < 10_000; waited += 100) await sleep(100);
    // Both notifiers make several rounds meanwhile.
    await sleep(1_000);
    expect(await messages()).toBe(1);
  });

  it('the login rate limit counts the requests of both servers, and nginx’s address is not forged', async () => {
    const visitor = new Visitor('198.51.100.20');
    await visitor.csrfFrom(A);
    const body = {
      kind: 'unit',
      username: 'nobody',
      password,
      captchaId: randomBytes(8).toString('hex'),
      captchaCode: 'x',
    };
    const statuses: number[] = [];
    for (let i = 0; i < loginLimit; i++)
      statuses.push((await visitor.send(i % 2 ? B : A, 'POST', '/api/auth/login', body)).status);
    expect(statuses.every((s) => s === 400)).toBe(true);
    expect((await visitor.send(A, 'POST', '/api/auth/login', body)).status).toBe(429);
    expect((await visitor.send(B, 'POST', '/api/auth/login', body)).status).toBe(429);
    // Through nginx the client's own X-Forwarded-For is not believed: it is counted as nginx saw it.
    expect((await visitor.send(cluster.proxy.base, 'POST', '/api/auth/login', body)).status).toBe(400);
  });

  it('each of many registrations through either server becomes exactly one welcome message', async () => {
    const count = 6;
    const people = await Promise.all(
      Array.from({ length: count }, async (_, i) => {
        const visitor = new Visitor(`198.51.100.${30 + i}`);
        const [smsVia, registerVia] = i % 2 ? [A, B] : [B, A];
        await visitor.csrfFrom(smsVia);
        const phone = phoneOf();
        const sent = await visitor.send(smsVia, 'POST', '/api/sms/codes', {
          phone,
          purpose: 'applicantRegister',
          ...(await captcha(visitor, registerVia)),
        });
        expect(sent.status, JSON.stringify(sent.body)).toBe(200);
        const first17 = `530102198501${String(i + 1).padStart(2, '0')}${String(100 + i)}`;
        const registered = await visitor.send(registerVia, 'POST', '/api/applicants/register', {
          name: `申报人${'甲乙丙丁戊己'[i]}`,
          idNumber: first17 + idNumberCheckCharacter(first17)!,
          phone,
          smsCode: await smsCode(smsVia, phone),
          password,
          confirmPassword: password,
        });
        expect(registered.status, JSON.stringify(registered.body)).toBe(201);
        return Number(registered.body.accountId);
      }),
    );
    const counts = async () =>
      (
        await db.query<{ n: number }>(
          'select count(m.id)::int as n from unnest($1::int[]) a(id) left join message m on m.recipient_account_id = a.id group by a.id',
          [people],
        )
      ).rows.map((r) => r.n);
    for (let waited = 0; (await counts()).includes(0) && waited < 10_000; waited += 100) await sleep(100);
    await sleep(1_000);
    expect(await counts()).toEqual(Array(count).fill(1));
    const pending = await db.query('select 1 from outbox_event where processed_at is null');
    expect(pending.rowCount).toBe(0);
  });

  it('through nginx the requests are spread over both, and a signed-in visitor stays signed in', async () => {
    const unit = await registerUnit(new Visitor('198.51.100.40'), A, B);
    const visitor = new Visitor();
    const nginx = cluster.proxy.base;
    expect((await login(visitor, nginx, unit.creditCode, password)).status).toBe(200);
    const served = new Set<string>();
    for (let i = 0; i < 10; i++) {
      const me = await visitor.send(nginx, 'GET', '/api/units/me');
      expect(me.status).toBe(200);
      served.add(me.headers.get('x-upstream') ?? '');
    }
    expect([...served].sort()).toEqual(cluster.instances.map((i) => `127.0.0.1:${i.port}`).sort());
    expect((await visitor.send(nginx, 'POST', '/api/auth/logout')).status).toBe(200);
    expect((await visitor.send(nginx, 'GET', '/api/units/me')).status).toBe(401);
  });
});
