import { randomBytes } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '..', '..');

describe('starting with a database that cannot be reached', () => {
  it('says 启动失败 and what to check, without a stack trace or the password, and exits 1', async () => {
    const probe = createServer();
    await new Promise<void>((done) => probe.listen(0, '127.0.0.1', done));
    const address = probe.address();
    if (!address || typeof address === 'string') throw new Error('no port');
    await new Promise<void>((done) => probe.close(() => done()));

    const run = spawnSync(
      process.execPath,
      [join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'server/src/main.ts'],
      {
        cwd: root,
        env: {
          ...process.env,
          NODE_ENV: 'development',
          DATABASE_URL: `postgres://zhicheng:Secret-Pw-1@127.0.0.1:${address.port}/zhicheng`,
          DATABASE_CONNECT_TIMEOUT_MS: '500',
          FIELD_ENCRYPTION_KEYS: `k1:${randomBytes(32).toString('base64')}`,
          FIELD_HASH_KEY: randomBytes(32).toString('base64'),
          DEMO_DATA: 'false',
          LOG_LEVEL: 'silent',
        },
        encoding: 'utf8',
        timeout: 60_000,
      },
    );
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/启动失败/);
    expect(run.stderr).toMatch(/DATABASE_URL/);
    expect(run.stderr).toContain(`127.0.0.1:${address.port}`);
    expect(run.stderr).not.toMatch(/^\s+at /m);
    expect(run.stderr).not.toContain('Secret-Pw-1');
  }, 90_000);
});
