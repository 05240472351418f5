import type { OrgKind, TwoFactorKind } from '#common';
import { envSchema, type Env } from './env.schema';
import { FieldKeyFormatError, parseEncryptionKeys, parseHashKey, type FieldKeys } from './crypto/field-cipher';
import type { LockoutRules } from './modules/auth/lockout.policy';

export interface Config {
  production: boolean;
  port: number;
  host: string;
  database:
    | { kind: 'postgres'; url: string; poolSize: number; connectTimeoutMs: number; statementTimeoutMs: number }
    | { kind: 'pglite'; dataDir: string };
  healthTimeoutMs: number;
  /** Load shedding (0: that check off): see LoadLimits. */
  load: LoadLimits;
  /** The owner's connection for migrations (PostgreSQL); null: the server's own role migrates. */
  migrationUrl: string | null;
  dataDir: string;
  webDistDir: string;
  /** false, a number of proxy hops, or the proxies' addresses (Fastify's trustProxy). */
  trustProxy: false | number | string[];
  /** undefined: Secure when the request came over HTTPS. */
  cookieSecure: boolean | undefined;
  captchaTestCode: string | undefined;
  /** POST /api/test/clock moves the server's clock forward: the browser journeys let a 公示 period pass. */
  testClockControl: boolean;
  sms:
    | { provider: 'console' }
    | {
        provider: 'tencent';
        secretId: string;
        secretKey: string;
        sdkAppId: string;
        signName: string;
        templateId: string;
        /** A template for review notices ({1} the organisation, {2} the result); none: no notice by SMS. */
        noticeTemplateId: string | undefined;
        region: string;
      };
  /** Review decisions also reach the applicant by SMS (当配置时). */
  smsNotify: boolean;
  /** How often each server looks for notices to deliver and SMS to retry. */
  notifierIntervalMs: number;
  smsNoticeMaxAttempts: number;
  /** The SMS outbox page and GET /api/dev/sms-outbox: development and tests only. */
  devOutbox: boolean;
  demoData: boolean;
  rateLimits: { login: number; register: number; sms: number; captcha: number };
  bodyLimit: number;
  uploads: { maxBytes: number; filesDir: string; sweepIntervalMinutes: number };
  /** 申报评审表 PDFs: where the QR code leads (else the request's address), and the cache's size. */
  print: { publicUrl: string | undefined; cacheBytes: number };
  storage:
    | { kind: 'local' }
    | {
        kind: 's3';
        endpoint: string | undefined;
        region: string;
        bucket: string;
        accessKeyId: string;
        secretAccessKey: string;
        forcePathStyle: boolean;
      };
  logLevel: string;
  /**
   * The keys of the ID and phone numbers at rest, from the environment; null: development keys (kept in
   * the embedded database's data folder, or made for the run of a test on PostgreSQL).
   */
  fieldKeys: FieldKeys | null;
  session: { idleMinutes: number; absoluteHours: number };
  smsRules: {
    codeTtlMinutes: number;
    maxAttempts: number;
    resendSeconds: number;
    dailyLimit: number;
    dailyLimitPerIp: number;
  };
  lockout: LockoutRules;
  /** The kinds of account that may act only on 两步验证 until they have turned it on. */
  twoFactorRequired: readonly TwoFactorKind[];
  captchaTtlMinutes: number;
  /** 导出评审名单: who may have whole ID and phone numbers (when asking), and the most rows of one file. */
  reviewExport: { revealOrgKinds: readonly OrgKind[]; maxRows: number };
  auditChainKey: Buffer | null;
}

/**
 * Past any of these limits a request is answered 503 系统繁忙 with Retry-After at once, instead of
 * waiting in a queue until the client gives up; 0 switches a check off.
 */
export interface LoadLimits {
  /** Mean delay of the event loop over the last second. */
  maxEventLoopDelayMs: number;
  /** Share of the last second the event loop was busy (0–1). */
  maxEventLoopUtilization: number;
  /** Requests waiting for a connection of the PostgreSQL pool. */
  maxDatabaseWaiting: number;
  /** argon2id checks and hashes under way or queued for the thread pool (login, registration, 修改密码). */
  maxPasswordChecks: number;
  retryAfterSeconds: number;
}

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`配置有误 (invalid configuration):\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const production = e.NODE_ENV === 'production';
  const database: Config['database'] = e.DATABASE_URL
    ? {
        kind: 'postgres',
        url: e.DATABASE_URL,
        poolSize: e.DATABASE_POOL_SIZE,
        connectTimeoutMs: e.DATABASE_CONNECT_TIMEOUT_MS,
        statementTimeoutMs: e.DATABASE_STATEMENT_TIMEOUT_MS,
      }
    : { kind: 'pglite', dataDir: e.DATA_DIR };

  let sms: Config['sms'] = { provider: 'console' };
  if (e.SMS_PROVIDER === 'tencent') {
    const missing = (
      [
        'TENCENT_SMS_SECRET_ID',
        'TENCENT_SMS_SECRET_KEY',
        'TENCENT_SMS_SDK_APP_ID',
        'TENCENT_SMS_SIGN_NAME',
        'TENCENT_SMS_TEMPLATE_ID',
      ] as const
    ).filter((k) => !e[k]);
    if (missing.length) throw new ConfigError(`SMS_PROVIDER=tencent 需要配置: ${missing.join(', ')}`);
    sms = {
      provider: 'tencent',
      secretId: e.TENCENT_SMS_SECRET_ID!,
      secretKey: e.TENCENT_SMS_SECRET_KEY!,
      sdkAppId: e.TENCENT_SMS_SDK_APP_ID!,
      signName: e.TENCENT_SMS_SIGN_NAME!,
      templateId: e.TENCENT_SMS_TEMPLATE_ID!,
      noticeTemplateId: e.TENCENT_SMS_NOTICE_TEMPLATE_ID || undefined,
      region: e.TENCENT_SMS_REGION,
    };
  }

  let storage: Config['storage'] = { kind: 'local' };
  if (e.STORAGE === 's3') {
    const missing = (['S3_BUCKET', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'] as const).filter((k) => !e[k]);
    if (missing.length) throw new ConfigError(`STORAGE=s3 需要配置: ${missing.join(', ')}`);
    storage = {
      kind: 's3',
      endpoint: e.S3_ENDPOINT,
      region: e.S3_REGION,
      bucket: e.S3_BUCKET!,
      accessKeyId: e.S3_ACCESS_KEY_ID!,
      secretAccessKey: e.S3_SECRET_ACCESS_KEY!,
      forcePathStyle: e.S3_FORCE_PATH_STYLE ?? e.S3_ENDPOINT !== undefined,
    };
  }

  const devOutbox = sms.provider === 'console';
  if (production) {
    if (e.CAPTCHA_TEST_CODE)
      throw new ConfigError('NODE_ENV=production 时不能设置 CAPTCHA_TEST_CODE（测试验证码只用于开发和测试）');
    if (e.TEST_CLOCK_CONTROL)
      throw new ConfigError('NODE_ENV=production 时不能设置 TEST_CLOCK_CONTROL（测试时钟只用于测试）');
    if (devOutbox) {
      throw new ConfigError(
        'NODE_ENV=production 时必须配置真实短信网关（SMS_PROVIDER=tencent）；控制台短信和开发发件箱只用于开发和测试',
      );
    }
    if (e.DEMO_DATA) throw new ConfigError('NODE_ENV=production 时不能加载演示数据（DEMO_DATA）');
    if (!e.AUDIT_CHAIN_KEY) {
      throw new ConfigError(
        'NODE_ENV=production 时必须配置 AUDIT_CHAIN_KEY（审计日志链的密钥，openssl rand -base64 32 生成，各服务器相同，妥善保管）',
      );
    }
  }

  const fieldKeys = readFieldKeys(e, production, database.kind);

  // Demo accounts and the SMS outbox are handed to whoever asks: keep them on this machine unless told.
  const demoData = !production && database.kind === 'pglite' && (e.DEMO_DATA ?? true);
  const openToVisitors = demoData || devOutbox;

  return {
    production,
    port: e.PORT,
    host: e.HOST ?? (openToVisitors ? '127.0.0.1' : '0.0.0.0'),
    database,
    migrationUrl: database.kind === 'postgres' ? (e.DATABASE_MIGRATION_URL ?? null) : null,
    dataDir: e.DATA_DIR,
    webDistDir: e.WEB_DIST_DIR,
    trustProxy: e.TRUST_PROXY,
    cookieSecure: e.COOKIE_SECURE,
    captchaTestCode: e.CAPTCHA_TEST_CODE || undefined,
    testClockControl: e.TEST_CLOCK_CONTROL ?? false,
    sms,
    devOutbox,
    smsNotify: e.SMS_NOTIFY ?? false,
    notifierIntervalMs: e.NOTIFIER_INTERVAL_MS,
    smsNoticeMaxAttempts: e.SMS_NOTICE_MAX_ATTEMPTS,
    // Demo accounts only on the embedded database, never in production, unless switched off.
    demoData,
    rateLimits: {
      login: e.RATE_LIMIT_LOGIN,
      register: e.RATE_LIMIT_REGISTER,
      sms: e.RATE_LIMIT_SMS,
      captcha: e.RATE_LIMIT_CAPTCHA,
    },
    bodyLimit: e.BODY_LIMIT_BYTES,
    storage,
    uploads: {
      maxBytes: Math.round(e.UPLOAD_MAX_MB * 1024 * 1024),
      filesDir: e.FILES_DIR ?? `${e.DATA_DIR}/files`,
      sweepIntervalMinutes: e.FILE_SWEEP_INTERVAL_MINUTES,
    },
    print: { publicUrl: e.PUBLIC_URL?.replace(/\/+$/, ''), cacheBytes: e.PDF_CACHE_MB * 1024 * 1024 },
    logLevel: e.LOG_LEVEL,
    fieldKeys,
    session: { idleMinutes: 30, absoluteHours: 12 },
    smsRules: {
      codeTtlMinutes: 10,
      maxAttempts: 5,
      resendSeconds: e.SMS_RESEND_SECONDS,
      dailyLimit: e.SMS_DAILY_LIMIT,
      dailyLimitPerIp: e.SMS_DAILY_LIMIT_PER_IP,
    },
    lockout: {
      maxFailures: e.LOCKOUT_MAX_FAILURES,
      temporaryMinutes: e.LOCKOUT_TEMPORARY_MINUTES,
      temporaryRounds: e.LOCKOUT_TEMPORARY_ROUNDS,
    },
    twoFactorRequired: [...new Set(e.TWO_FACTOR_REQUIRED ?? (production ? ['admin' as const] : []))],
    captchaTtlMinutes: 5,
    reviewExport: { revealOrgKinds: [...new Set(e.EXPORT_REVEAL_ORG_KINDS)], maxRows: e.EXPORT_MAX_ROWS },
    auditChainKey: e.AUDIT_CHAIN_KEY,
    healthTimeoutMs: e.HEALTH_TIMEOUT_MS,
    load: {
      maxEventLoopDelayMs: e.LOAD_MAX_EVENT_LOOP_DELAY_MS,
      maxEventLoopUtilization: e.LOAD_MAX_EVENT_LOOP_UTILIZATION,
      maxDatabaseWaiting: e.LOAD_MAX_DATABASE_WAITING,
      maxPasswordChecks: e.LOAD_MAX_PASSWORD_CHECKS,
      retryAfterSeconds: e.LOAD_RETRY_AFTER_SECONDS,
    },
  };
}

function readFieldKeys(e: Env, production: boolean, databaseKind: Config['database']['kind']): FieldKeys | null {
  const given = [e.FIELD_ENCRYPTION_KEYS, e.FIELD_HASH_KEY].filter((v) => v !== undefined && v.trim() !== '');
  if (given.length === 2) {
    try {
      return { encryption: parseEncryptionKeys(e.FIELD_ENCRYPTION_KEYS!), hash: parseHashKey(e.FIELD_HASH_KEY!) };
    } catch (error) {
      if (error instanceof FieldKeyFormatError) throw new ConfigError(error.message);
      throw error;
    }
  }
  if (given.length === 1) throw new ConfigError('FIELD_ENCRYPTION_KEYS 和 FIELD_HASH_KEY 需要同时配置');
  if (production) {
    throw new ConfigError(
      'NODE_ENV=production 时必须配置 FIELD_ENCRYPTION_KEYS 和 FIELD_HASH_KEY（身份证号和手机号加密存储的密钥，见 docs/security.md）',
    );
  }
  // Keys made up on the spot would leave a lasting PostgreSQL database unreadable at the next start.
  if (databaseKind === 'postgres' && e.NODE_ENV !== 'test') {
    throw new ConfigError(
      '使用 PostgreSQL（DATABASE_URL）时必须配置 FIELD_ENCRYPTION_KEYS 和 FIELD_HASH_KEY（见 docs/security.md）；只有内嵌数据库会在数据目录中自动生成开发密钥',
    );
  }
  return null;
}

/** Fastify's logger: JSON lines for the log collector in production, readable lines in a developer's terminal. */
export function loggerOptions(config: Pick<Config, 'production' | 'logLevel'>): {
  level: string;
  transport?: { target: string; options: Record<string, unknown> };
} {
  if (config.production) return { level: config.logLevel };
  return {
    level: config.logLevel,
    transport: {
      target: 'pino-pretty',
      options: { translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname', singleLine: true },
    },
  };
}
