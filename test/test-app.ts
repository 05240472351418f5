import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { buildApp, type AppDeps } from '../server/src/app';
import { FakeClock } from '../server/src/clock';
import { loadConfig, type Config } from '../server/src/config';
import { createFieldCipher, generateFieldKeys, type FieldCipher } from '../server/src/crypto/field-cipher';
import type { Db } from '../server/src/db/database';
import { withFieldCipher } from '../server/src/db/personal-data';
import { sessionCookieName } from '../server/src/http/auth-guard';
import { openTestDatabase } from './test-database';

export const testCaptcha = 'test';

export interface TestContext {
  app: FastifyInstance;
  db: Db;
  clock: FakeClock;
  config: Config;
  agent(): Agent;
  close(): Promise<void>;
}

/** Keys of the ID and phone numbers at rest made for one test context: no key is a constant. */
export function testFieldCipher(): FieldCipher {
  return createFieldCipher(generateFieldKeys('test1'));
}

/** The whole app on a fresh database, with a fake clock and the console SMS provider. */
export async function createTestContext(
  env: Record<string, string> = {},
  deps: Pick<AppDeps, 'smsProvider' | 'databaseWaiting'> = {},
): Promise<TestContext> {
  const handle = await openTestDatabase();
  const db = withFieldCipher(handle.db, testFieldCipher());
  const filesDir = mkdtempSync(join(tmpdir(), 'zc-files-'));
  const config = loadConfig({
    FILES_DIR: filesDir,
    NODE_ENV: 'test',
    CAPTCHA_TEST_CODE: testCaptcha,
    WEB_DIST_DIR: '/nonexistent',
    RATE_LIMIT_LOGIN: '10000',
    RATE_LIMIT_REGISTER: '10000',
    RATE_LIMIT_SMS: '10000',
    RATE_LIMIT_CAPTCHA: '10000',
    // Every test's requests come from one address.
    SMS_DAILY_LIMIT_PER_IP: '100000',
    // The embedded database runs its queries on the event loop: a test that loads thousands of rows would
    // have the next request shed. The load-shedding tests switch these on.
    LOAD_MAX_EVENT_LOOP_DELAY_MS: '0',
    LOAD_MAX_EVENT_LOOP_UTILIZATION: '0',
    ...env,
  });
  const clock = new FakeClock();
  const app = await buildApp({ config, db, clock, logger: false, ...deps });
  await app.ready();
  return {
    app,
    db,
    clock,
    config,
    agent: () => new Agent(app),
    close: async () => {
      await app.close();
      await handle.close();
      rmSync(filesDir, { recursive: true, force: true });
    },
  };
}

export interface Reply {
  status: number;
  body: any;
  headers: Record<string, string | string[] | number | undefined>;
  /** The answer's bytes (a PDF, a spreadsheet). */
  raw: Buffer;
}

/** A browser's view of the API: it keeps cookies and sends the CSRF token, as the web app does. */
export class Agent {
  private cookies = new Map<string, string>();
  private csrfToken: string | null = null;
  constructor(private readonly app: FastifyInstance) {}

  get sessionToken(): string | undefined {
    return this.cookies.get(sessionCookieName);
  }

  setSessionToken(token: string): void {
    this.cookies.set(sessionCookieName, token);
  }

  async request(options: InjectOptions & { csrf?: boolean }): Promise<Reply> {
    const method = (options.method ?? 'GET').toUpperCase();
    const headers: Record<string, string> = { ...(options.headers as Record<string, string>) };
    if (method !== 'GET' && options.csrf !== false) {
      if (!this.csrfToken) await this.refreshCsrf();
      headers['x-csrf-token'] = this.csrfToken!;
    }
    if (this.cookies.size) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const res = await this.app.inject({ ...options, headers });
    for (const c of res.cookies as { name: string; value: string; expires?: Date }[]) {
      if (c.value === '' || (c.expires && c.expires.getTime() < Date.now())) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    return {
      status: res.statusCode,
      body: res.body ? safeJson(res.body) : undefined,
      headers: res.headers,
      raw: res.rawPayload,
    };
  }

  async refreshCsrf(): Promise<void> {
    const res = await this.request({ method: 'GET', url: '/api/session' });
    this.csrfToken = res.body.csrfToken;
  }

  get(url: string) {
    return this.request({ method: 'GET', url });
  }

  post(url: string, payload?: object) {
    return this.request({ method: 'POST', url, payload: payload ?? {} });
  }

  async captcha(): Promise<string> {
    return (await this.get('/api/captcha')).body.captchaId as string;
  }

  /** 获取验证码, with the image captcha the page asks for first. */
  async requestSmsCode(body: { phone: string; purpose: string }): Promise<Reply> {
    return this.post('/api/sms/codes', { ...body, captchaId: await this.captcha(), captchaCode: testCaptcha });
  }

  async login(kind: 'applicant' | 'unit' | 'reviewer' | 'expert', username: string, password: string): Promise<Reply> {
    return this.post('/api/auth/login', {
      kind,
      username,
      password,
      captchaId: await this.captcha(),
      captchaCode: testCaptcha,
    });
  }

  async adminLogin(username: string, password: string): Promise<Reply> {
    return this.post('/api/auth/admin-login', {
      username,
      password,
      captchaId: await this.captcha(),
      captchaCode: testCaptcha,
    });
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
