import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, loggerOptions } from './config';

/** Keys of the ID and phone numbers at rest, as an operator sets them. */
const fieldKeys = {
  FIELD_ENCRYPTION_KEYS: `k2:${randomBytes(32).toString('base64')},k1:${randomBytes(32).toString('base64')}`,
  FIELD_HASH_KEY: randomBytes(32).toString('base64'),
};

const tencent = {
  SMS_PROVIDER: 'tencent',
  TENCENT_SMS_SECRET_ID: 'id',
  TENCENT_SMS_SECRET_KEY: 'key',
  TENCENT_SMS_SDK_APP_ID: '1400000000',
  TENCENT_SMS_SIGN_NAME: '签名',
  TENCENT_SMS_TEMPLATE_ID: '123',
  // Production needs the audit chain's key too; a fresh one per run, none in the source.
  AUDIT_CHAIN_KEY: randomBytes(32).toString('base64'),
  ...fieldKeys,
};

describe('configuration', () => {
  it('defaults to the embedded database in ./data on port 3000, with demo data outside production', () => {
    const c = loadConfig({});
    expect(c.port).toBe(3000);
    expect(c.database).toEqual({ kind: 'pglite', dataDir: './data' });
    expect(c.demoData).toBe(true);
    expect(c.devOutbox).toBe(true);
  });

  it('listens only on this machine while demo accounts or the SMS outbox are open to visitors, unless HOST says otherwise', () => {
    expect(loadConfig({}).host).toBe('127.0.0.1');
    expect(loadConfig({ HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
    expect(loadConfig({ NODE_ENV: 'production', ...tencent, DATABASE_URL: 'postgres://u@h/db' }).host).toBe('0.0.0.0');
  });

  it('uses PostgreSQL when DATABASE_URL is set, and then loads no demo data', () => {
    const c = loadConfig({ DATABASE_URL: 'postgres://u@h/db', ...fieldKeys });
    expect(c.database.kind).toBe('postgres');
    expect(c.demoData).toBe(false);
  });

  it('refuses to start in production with the test captcha, the console SMS outbox or demo data', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', ...tencent, CAPTCHA_TEST_CODE: 'x' })).toThrow(ConfigError);
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/真实短信网关/);
    expect(() => loadConfig({ NODE_ENV: 'production', ...tencent, DEMO_DATA: 'true' })).toThrow(ConfigError);
    const prod = loadConfig({ NODE_ENV: 'production', ...tencent, DATABASE_URL: 'postgres://u@h/db' });
    expect(prod).toMatchObject({ production: true, devOutbox: false, demoData: false, captchaTestCode: undefined });
  });

  it('refuses production without the audit chain key, and a key too short to be one', () => {
    const { AUDIT_CHAIN_KEY: _key, ...withoutKey } = tencent;
    expect(() => loadConfig({ NODE_ENV: 'production', ...withoutKey })).toThrow(/AUDIT_CHAIN_KEY/);
    expect(() => loadConfig({ AUDIT_CHAIN_KEY: Buffer.alloc(16).toString('base64') })).toThrow(/AUDIT_CHAIN_KEY/);
    expect(loadConfig({ NODE_ENV: 'production', ...tencent }).auditChainKey).toHaveLength(32);
  });

  it('takes the keys of ID and phone numbers at rest from the environment, the first key encrypting', () => {
    const c = loadConfig({ NODE_ENV: 'production', ...tencent, DATABASE_URL: 'postgres://u@h/db' });
    expect(c.fieldKeys?.encryption.map((k) => k.id)).toEqual(['k2', 'k1']);
    expect(c.fieldKeys?.hash).toHaveLength(32);
  });

  it('refuses to start without those keys in production, or on PostgreSQL outside tests, and with keys written wrong', () => {
    const { FIELD_ENCRYPTION_KEYS, FIELD_HASH_KEY, ...noKeys } = tencent;
    expect(() => loadConfig({ NODE_ENV: 'production', ...noKeys, DATABASE_URL: 'postgres://u@h/db' })).toThrow(
      /NODE_ENV=production 时必须配置 FIELD_ENCRYPTION_KEYS 和 FIELD_HASH_KEY/,
    );
    expect(() => loadConfig({ NODE_ENV: 'production', ...noKeys })).toThrow(ConfigError);
    expect(() => loadConfig({ DATABASE_URL: 'postgres://u@h/db' })).toThrow(
      /使用 PostgreSQL（DATABASE_URL）时必须配置/,
    );
    expect(loadConfig({ NODE_ENV: 'test', DATABASE_URL: 'postgres://u@h/db' }).fieldKeys).toBeNull();
    expect(loadConfig({}).fieldKeys).toBeNull();
    expect(() => loadConfig({ FIELD_ENCRYPTION_KEYS })).toThrow(/需要同时配置/);
    expect(() => loadConfig({ FIELD_ENCRYPTION_KEYS: 'k1:c2hvcnQ=', FIELD_HASH_KEY })).toThrow(/32 字节/);
    expect(() => loadConfig({ FIELD_ENCRYPTION_KEYS: FIELD_HASH_KEY, FIELD_HASH_KEY })).toThrow(/密钥编号/);
    expect(() =>
      loadConfig({
        FIELD_ENCRYPTION_KEYS: `${FIELD_ENCRYPTION_KEYS.split(',')[0]},k2:${FIELD_HASH_KEY}`,
        FIELD_HASH_KEY,
      }),
    ).toThrow(/不能重复/);
  });

  it('logs readably through pino-pretty outside production, and JSON lines in production', () => {
    expect(loggerOptions(loadConfig({}))).toMatchObject({ level: 'info', transport: { target: 'pino-pretty' } });
    const prod = loadConfig({
      NODE_ENV: 'production',
      ...tencent,
      DATABASE_URL: 'postgres://u@h/db',
      LOG_LEVEL: 'warn',
    });
    expect(loggerOptions(prod)).toEqual({ level: 'warn' });
  });

  it('names every missing setting of the SMS gateway', () => {
    expect(() => loadConfig({ SMS_PROVIDER: 'tencent', TENCENT_SMS_SECRET_ID: 'id' })).toThrow(
      /TENCENT_SMS_SECRET_KEY.*TENCENT_SMS_TEMPLATE_ID/,
    );
  });

  it('reveals whole numbers in 导出评审名单 to no organisation unless named, and refuses a kind it does not know', () => {
    expect(loadConfig({}).reviewExport).toEqual({ revealOrgKinds: [], maxRows: 50_000 });
    expect(loadConfig({ EXPORT_REVEAL_ORG_KINDS: '', EXPORT_MAX_ROWS: '1000' }).reviewExport).toEqual({
      revealOrgKinds: [],
      maxRows: 1000,
    });
    expect(
      loadConfig({ EXPORT_REVEAL_ORG_KINDS: ' committee, hrBureau,committee' }).reviewExport.revealOrgKinds,
    ).toEqual(['committee', 'hrBureau']);
    expect(() => loadConfig({ EXPORT_REVEAL_ORG_KINDS: 'unit' })).toThrow(/EXPORT_REVEAL_ORG_KINDS/);
  });

  it('explains a malformed value', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
  });
});
