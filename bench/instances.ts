/**
 * Several servers on one PostgreSQL behind nginx, as a province runs them (docs/deployment.md): K
 * instances of server/src/main.ts on loopback ports, and nginx in front with a round-robin upstream.
 * Used by test/multi-instance.test.ts and by `scaleOut`, which measures an authenticated read through
 * nginx with 1, 2 and 4 instances.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { creditCodeCheckCharacter } from '#common';
import type { Figure } from './measure';
import { spawnReady, startScript, stop, type Started } from './processes';

export const nginxPath = '/usr/sbin/nginx';

export interface Instance extends Started {
  port: number;
  base: string;
}

export interface Cluster {
  instances: Instance[];
  /** nginx in front of them all. */
  proxy: Started & { port: number; base: string };
  /** The environment every instance was started with (the keys included). */
  env: Record<string, string>;
  stop(): Promise<void>;
}

/** Keys every server of one system must share: made once, passed to each instance. */
export function clusterKeys(): Record<string, string> {
  return {
    FIELD_ENCRYPTION_KEYS: `k1:${randomBytes(32).toString('base64')}`,
    FIELD_HASH_KEY: randomBytes(32).toString('base64'),
    AUDIT_CHAIN_KEY: randomBytes(32).toString('base64'),
  };
}

export async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((done) => probe.listen(0, '127.0.0.1', done));
  const { port } = probe.address() as { port: number };
  await new Promise<void>((done) => probe.close(() => done()));
  return port;
}

const healthy = (base: string) => async () => {
  const res = await fetch(`${base}/api/health`, { signal: AbortSignal.timeout(2_000) });
  await res.arrayBuffer();
  return res.status === 200;
};

/**
 * An nginx of its own: its prefix, configuration, pid, logs and temporary files in `dir`, listening on
 * 127.0.0.1 only. Answers say which instance served them (X-Upstream), for the test to see the turns.
 */
function nginxConfig(dir: string, port: number, upstreams: number[], uploadMaxMb: number): string {
  // As root the workers run as nobody, who must reach the temporary folders.
  const user = process.getuid?.() === 0 ? 'user nobody nogroup;' : '';
  return `${user}
daemon off;
worker_processes auto;
pid ${dir}/nginx.pid;
error_log stderr warn;
events { worker_connections 1024; }
http {
  access_log ${dir}/access.log;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  upstream zhicheng {
${upstreams.map((p) => `    server 127.0.0.1:${p} max_fails=0;`).join('\n')}
    keepalive 32;
  }
  server {
    listen 127.0.0.1:${port};
    client_max_body_size ${uploadMaxMb + 1}m;
    location / {
      proxy_pass http://zhicheng;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
      add_header X-Upstream $upstream_addr always;
    }
  }
}
`;
}

export interface ClusterOptions {
  /** Added to (and overriding) the instances' environment: rate limits, CAPTCHA_TEST_CODE, intervals. */
  env?: Record<string, string>;
  /** The shared keys; new ones unless given (give the same to clusters that take turns on one database). */
  keys?: Record<string, string>;
}

/**
 * Starts `count` servers on `databaseUrl` at once (an empty database is migrated by whichever gets the
 * start lock first) and nginx in front of them. They share the keys and one folder of uploaded files,
 * as servers on a shared volume would; TRUST_PROXY=1 believes nginx's X-Forwarded-For and nothing more.
 */
export async function startCluster(databaseUrl: string, count: number, options: ClusterOptions = {}): Promise<Cluster> {
  const dir = mkdtempSync(join(tmpdir(), 'zc-cluster-'));
  chmodSync(dir, 0o755);
  const env: Record<string, string> = {
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    DATABASE_URL: databaseUrl,
    DATABASE_POOL_SIZE: '5',
    DATA_DIR: join(dir, 'data'),
    FILES_DIR: join(dir, 'files'),
    WEB_DIST_DIR: '/nonexistent',
    DEMO_DATA: 'false',
    LOG_LEVEL: 'warn',
    TRUST_PROXY: '1',
    ...(options.keys ?? clusterKeys()),
    ...options.env,
  };
  const instances: Instance[] = [];
  let proxy: Cluster['proxy'] | undefined;
  const stopAll = async () => {
    if (proxy) await stop(proxy.child);
    await Promise.all(instances.map((i) => stop(i.child)));
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const ports = await Promise.all(Array.from({ length: count }, () => freePort()));
    const started = await Promise.allSettled(
      ports.map((port) => startScript('server/src/main.ts', { ...env, PORT: String(port) }, /zhicheng 已启动/)),
    );
    started.forEach((s, i) => {
      if (s.status === 'fulfilled')
        instances.push({ ...s.value, port: ports[i]!, base: `http://127.0.0.1:${ports[i]}` });
    });
    const failed = started.find((s) => s.status === 'rejected');
    if (failed) throw failed.reason;

    const proxyPort = await freePort();
    const nginxDir = join(dir, 'nginx');
    mkdirSync(nginxDir, { mode: 0o755 });
    const conf = join(nginxDir, 'nginx.conf');
    writeFileSync(conf, nginxConfig(nginxDir, proxyPort, ports, Number(env.UPLOAD_MAX_MB ?? 10)));
    const base = `http://127.0.0.1:${proxyPort}`;
    const nginx = await spawnReady(nginxPath, ['-p', `${nginxDir}/`, '-c', conf, '-e', 'stderr'], {
      ready: healthy(base),
      timeoutMs: 20_000,
    });
    proxy = { ...nginx, port: proxyPort, base };
  } catch (error) {
    await stopAll();
    throw error;
  }
  return { instances, proxy, env, stop: stopAll };
}

const benchEnv: Record<string, string> = {
  CAPTCHA_TEST_CODE: 'bench',
  RATE_LIMIT_LOGIN: '100000000',
  RATE_LIMIT_REGISTER: '100000000',
  RATE_LIMIT_SMS: '100000000',
  RATE_LIMIT_CAPTCHA: '100000000',
  SMS_DAILY_LIMIT_PER_IP: '100000000',
};

const cookiesOf = (res: Response) => res.headers.getSetCookie().map((c) => c.split(';')[0]!);

/** A unit registered through the API (its SMS code read from the development outbox) and signed in: its cookies. */
async function signedInUnit(base: string): Promise<string> {
  const session = await fetch(`${base}/api/session`);
  const { csrfToken } = (await session.json()) as { csrfToken: string };
  const cookies = cookiesOf(session);
  const headers = () => ({ 'content-type': 'application/json', cookie: cookies.join('; '), 'x-csrf-token': csrfToken });
  const serial = String(Date.now()).slice(-8);
  const phone = `137${serial}`;
  const first17 = `91530100${String(Date.now()).slice(-9)}`;
  const creditCode = first17 + creditCodeCheckCharacter(first17)!;
  const password = 'Bench#2026pw';
  const captcha = { captchaId: randomUUID(), captchaCode: benchEnv.CAPTCHA_TEST_CODE };
  const post = (path: string, body: object) =>
    fetch(`${base}${path}`, { method: 'POST', headers: headers(), body: JSON.stringify(body) });
  const sms = await post('/api/sms/codes', { phone, purpose: 'unitRegister', ...captcha });
  if (sms.status !== 200) throw new Error(`SMS code: ${await sms.text()}`);
  const outbox = (await (await fetch(`${base}/api/dev/sms-outbox?phone=${phone}`)).json()) as {
    items: { content: string }[];
  };
  const smsCode = /(\d{6})/.exec(outbox.items[0]!.content)![1];
  const body = {
    unitName: '压测单位',
    creditCode,
    contactName: '压测',
    phone,
    smsCode,
    password,
    confirmPassword: password,
  };
  const registered = await post('/api/units/register', body);
  if (registered.status !== 201) throw new Error(`registration: ${await registered.text()}`);
  const login = await post('/api/auth/login', { kind: 'unit', username: creditCode, password, ...captcha });
  if (login.status !== 200) throw new Error(`login: ${await login.text()}`);
  cookies.push(...cookiesOf(login));
  return cookies.join('; ');
}

/**
 * 申报审核 of a signed-in unit (GET /api/review/desk: the session looked up, the actor resolved, the
 * desk's page and count read) through nginx, with 1, 2 and 4 instances on `databaseUrl`, `seconds`
 * each. Give it a fresh database (it migrates it and registers a unit); the unit signs in once, and its
 * session serves every cluster, since sessions live in the database.
 */
export async function scaleOut(databaseUrl: string, seconds: number, connections = 10): Promise<Figure[]> {
  const keys = clusterKeys();
  const rows: Figure[] = [];
  let cookie: string | undefined;
  for (const count of [1, 2, 4]) {
    const cluster = await startCluster(databaseUrl, count, { keys, env: benchEnv });
    try {
      cookie ??= await signedInUnit(cluster.proxy.base);
      const result = await autocannon({
        url: `${cluster.proxy.base}/api/review/desk`,
        headers: { cookie },
        duration: seconds,
        connections,
      });
      const row: Figure = {
        scenario: `GET /api/review/desk (unit) via nginx, ${count} instance${count > 1 ? 's' : ''}`,
        engine: 'PostgreSQL',
        connections,
        rps: result.requests.average,
        p50: result.latency.p50,
        p99: result.latency.p99,
        errors: result.errors + result.non2xx,
      };
      console.log(
        `${row.scenario}: ${row.rps.toFixed(0)} req/s, p50 ${row.p50} ms, p99 ${row.p99} ms, errors ${row.errors}`,
      );
      rows.push(row);
    } finally {
      await cluster.stop();
    }
  }
  return rows;
}
