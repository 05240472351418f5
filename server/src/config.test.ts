import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, loggerOptions } from './config';

const tencent = {
  SMS_PROVIDER: 'tencent',
  TENCENT_SMS_SECRET_ID: 'id',
  TENCENT_SMS_SECRET_KEY: 'key',
  TENCENT_SMS_SDK_APP_ID: '1400000000',
  TENCENT_SMS_SIGN_NAME: '签名',
  TENCENT_SMS_TEMPLATE_ID: '123',
  // Production needs the audit chain's key too; a fresh one per run, none in the source.
  AUDIT_CHAIN_KEY: randomBytes(32).toString('base64'),
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
    const c = loadConfig({ DATABASE_URL: 'postgres://u@h/db' });
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

  it('explains a malformed value', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
  });
});
