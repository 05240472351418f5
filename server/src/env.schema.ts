import { z } from 'zod';
import { orgKinds, twoFactorKinds } from '#common';

/**
 * The environment variables the server reads, each with its default and its check. loadConfig (config.ts)
 * turns them into the Config the server runs with.
 */
const flag = z
  .enum(['true', 'false', '1', '0', ''])
  .optional()
  .transform((v) => (v === undefined || v === '' ? undefined : v === 'true' || v === '1'));

export const envSchema = z.object({
  NODE_ENV: z.string().default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** Unset: all interfaces, but only this machine while demo accounts or the SMS outbox are open. */
  HOST: z.string().min(1).optional(),
  DATABASE_URL: z.string().optional(),
  /**
   * The owner's connection, for migrations only: the server then connects with DATABASE_URL as a role
   * that owns nothing (it cannot truncate the logs or switch off their triggers).
   */
  DATABASE_MIGRATION_URL: z.string().optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  /** How long to wait for a PostgreSQL connection before giving up (a server away or stalled). */
  DATABASE_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(5_000),
  /** The longest a statement may run; the server cancels it, and the client stops waiting soon after. */
  DATABASE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(30_000),
  /** How long /api/health waits for the database before it says not ok. */
  HEALTH_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(3_000),
  /**
   * Load shedding: past any of these the server answers 503 系统繁忙 with Retry-After at once instead of
   * queueing the request; 0 switches a check off. The event loop's mean delay and its utilisation are
   * sampled every second; the database's and the password hashing's queues are counted as they are.
   */
  LOAD_MAX_EVENT_LOOP_DELAY_MS: z.coerce.number().int().min(0).max(60_000).default(1000),
  LOAD_MAX_EVENT_LOOP_UTILIZATION: z.coerce.number().min(0).max(1).default(0.98),
  /** Requests waiting for a PostgreSQL connection of the pool (DATABASE_POOL_SIZE). */
  LOAD_MAX_DATABASE_WAITING: z.coerce.number().int().min(0).max(100_000).default(100),
  /** Password checks and hashes (argon2id, about 19 ms of a core each) under way or waiting for a thread. */
  LOAD_MAX_PASSWORD_CHECKS: z.coerce.number().int().min(0).max(100_000).default(32),
  LOAD_RETRY_AFTER_SECONDS: z.coerce.number().int().min(1).max(3600).default(5),
  DATA_DIR: z.string().default('./data'),
  WEB_DIST_DIR: z.string().default('./web/dist'),
  /**
   * Which proxies in front may say who the client is (X-Forwarded-For, -Proto): true or 1 for the one
   * proxy in front, a number for that many hops, or the proxies' addresses (comma-separated, CIDR allowed).
   * Only the entries those proxies added are believed; what the client wrote itself is not.
   */
  TRUST_PROXY: z
    .string()
    .trim()
    .optional()
    .transform((v): false | number | string[] => {
      if (v === undefined || v === '' || v === 'false' || v === '0') return false;
      if (v === 'true') return 1;
      if (/^\d+$/.test(v)) return Number(v);
      return v
        .split(',')
        .map((a) => a.trim())
        .filter(Boolean);
    }),
  COOKIE_SECURE: flag,
  CAPTCHA_TEST_CODE: z.string().optional(),
  TEST_CLOCK_CONTROL: flag.optional(),
  SMS_PROVIDER: z.enum(['console', 'tencent']).default('console'),
  TENCENT_SMS_SECRET_ID: z.string().optional(),
  TENCENT_SMS_SECRET_KEY: z.string().optional(),
  TENCENT_SMS_SDK_APP_ID: z.string().optional(),
  TENCENT_SMS_SIGN_NAME: z.string().optional(),
  TENCENT_SMS_TEMPLATE_ID: z.string().optional(),
  TENCENT_SMS_REGION: z.string().default('ap-guangzhou'),
  TENCENT_SMS_NOTICE_TEMPLATE_ID: z.string().optional(),
  SMS_NOTIFY: flag,
  NOTIFIER_INTERVAL_MS: z.coerce.number().int().min(100).default(5000),
  SMS_NOTICE_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(5),
  DEMO_DATA: flag,
  RATE_LIMIT_LOGIN: z.coerce.number().int().min(1).default(20),
  RATE_LIMIT_REGISTER: z.coerce.number().int().min(1).default(10),
  RATE_LIMIT_SMS: z.coerce.number().int().min(1).default(10),
  /** Each captcha is a row: a client asking without end would fill the database. */
  RATE_LIMIT_CAPTCHA: z.coerce.number().int().min(1).default(60),
  SMS_RESEND_SECONDS: z.coerce.number().int().min(1).default(60),
  SMS_DAILY_LIMIT: z.coerce.number().int().min(1).default(3),
  /** SMS codes one address may ask for in a (Beijing) day, over every phone. */
  SMS_DAILY_LIMIT_PER_IP: z.coerce.number().int().min(1).default(20),
  /** Wrong passwords in a row that lock an account (manual §1.4). */
  LOCKOUT_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  /** How long the first locks last before the account may try again; its unit or the platform may unlock sooner. */
  LOCKOUT_TEMPORARY_MINUTES: z.coerce.number().int().min(1).max(1440).default(15),
  /** Temporary locks in a row (without a good password between) after which the lock holds until unlocked; 0: always. */
  LOCKOUT_TEMPORARY_ROUNDS: z.coerce.number().int().min(0).max(100).default(3),
  UPLOAD_MAX_MB: z.coerce.number().min(1).max(200).default(10),
  FILES_DIR: z.string().optional(),
  /** How often each server removes files nothing names (a crashed upload, a removed attachment); 0: never. */
  FILE_SWEEP_INTERVAL_MINUTES: z.coerce.number().int().min(0).max(10_080).default(60),
  /**
   * The address the public reaches this system at (https://zc.example.gov.cn): the QR code on a printed
   * 申报评审表 leads there. Unset: the address the request came in at.
   */
  PUBLIC_URL: z.url({ error: 'PUBLIC_URL 应为网址，如 https://zc.example.gov.cn' }).optional(),
  /** Printed PDFs kept in memory for a second request of an unchanged form, in MB. */
  PDF_CACHE_MB: z.coerce.number().int().min(0).max(4096).default(128),
  STORAGE: z.enum(['local', 's3']).default('local'),
  S3_ENDPOINT: z.string().optional(),
  S3_REGION: z.string().default('us-east-1'),
  S3_BUCKET: z.string().optional(),
  S3_ACCESS_KEY_ID: z.string().optional(),
  S3_SECRET_ACCESS_KEY: z.string().optional(),
  S3_FORCE_PATH_STYLE: flag,
  BODY_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(1024 * 1024),
  /** The key of the audit chain's HMAC (base64, at least 32 bytes); required in production. */
  AUDIT_CHAIN_KEY: z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (!v) return null;
      const key = Buffer.from(v, 'base64');
      if (key.length < 32) {
        ctx.addIssue({ code: 'custom', message: '至少 32 字节的 base64（例如 openssl rand -base64 32 的输出）' });
        return z.NEVER;
      }
      return key;
    }),
  /**
   * Kinds of account that must turn on 两步验证 before anything else (comma list of admin, reviewer, expert);
   * unset: admin in production, none otherwise.
   */
  TWO_FACTOR_REQUIRED: z
    .string()
    .optional()
    .transform((v) =>
      v === undefined
        ? undefined
        : v
            .split(',')
            .map((k) => k.trim())
            .filter(Boolean),
    )
    .pipe(z.array(z.enum(twoFactorKinds, { error: '只能填写 admin、reviewer、expert（逗号分隔）' })).optional()),
  /**
   * The reviewer organisations (comma list of supervisor, hrBureau, committee) that may export whole ID
   * and phone numbers in 导出评审名单, when they ask for it; unset or empty: none (masked as in the lists).
   */
  EXPORT_REVEAL_ORG_KINDS: z
    .string()
    .optional()
    .transform((v) =>
      (v ?? '')
        .split(',')
        .map((k) => k.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.enum(orgKinds, { error: '只能填写 supervisor、hrBureau、committee（逗号分隔）' }))),
  /** The most rows one 导出评审名单 may hold; a larger list is refused with a request to filter it. */
  EXPORT_MAX_ROWS: z.coerce.number().int().min(1).max(1_000_000).default(50_000),
  /** `k2:<base64 32 bytes>,k1:<…>`: the keys of the ID and phone numbers at rest; the first encrypts. */
  FIELD_ENCRYPTION_KEYS: z.string().optional(),
  /** base64 of 32 bytes: the key of their lookup digests. */
  FIELD_HASH_KEY: z.string().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type Env = z.infer<typeof envSchema>;
