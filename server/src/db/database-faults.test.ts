import { createServer, type Server, type Socket } from 'node:net';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app';
import { loadConfig } from '../config';
import { openDatabase, type DatabaseHandle } from './database';

/**
 * A PostgreSQL that accepts connections and then never answers (a stalled server, a half-open network):
 * nothing may wait for it forever. No real database is needed for that.
 */
describe('a database that never answers', () => {
  let silent: Server;
  const sockets = new Set<Socket>();
  let url: string;
  let handle: DatabaseHandle;

  beforeAll(async () => {
    silent = createServer((socket) => {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
    });
    await new Promise<void>((done) => silent.listen(0, '127.0.0.1', done));
    const address = silent.address();
    if (!address || typeof address === 'string') throw new Error('no port');
    url = `postgres://postgres@127.0.0.1:${address.port}/stalled`;
    handle = await openDatabase({ kind: 'postgres', url, connectTimeoutMs: 300, statementTimeoutMs: 500 });
  });
  afterAll(async () => {
    for (const socket of sockets) socket.destroy();
    await handle.close().catch(() => undefined);
    await new Promise<void>((done) => silent.close(() => done()));
  });

  it('gives up connecting after the connection timeout instead of waiting', async () => {
    await expect(sql`select 1`.execute(handle.db)).rejects.toThrow();
  }, 10_000);

  it('makes /api/health say not ok, and any other request answer 503 with 数据库暂不可用', async () => {
    const config = loadConfig({
      NODE_ENV: 'test',
      DATABASE_URL: url,
      HEALTH_TIMEOUT_MS: '500',
      WEB_DIST_DIR: '/nonexistent',
    });
    const app = await buildApp({ config, db: handle.db, logger: false });
    await app.ready();
    try {
      const health = await app.inject({ method: 'GET', url: '/api/health' });
      expect(health.statusCode).toBe(503);
      expect(health.json().code).toBe('UNAVAILABLE');

      const list = await app.inject({ method: 'GET', url: '/api/specialties' });
      expect(list.statusCode).toBe(503);
      expect(list.json()).toMatchObject({ code: 'UNAVAILABLE', message: expect.stringMatching(/数据库暂不可用/) });
    } finally {
      await app.close();
    }
  }, 20_000);
});

describe('a database that is not there', () => {
  it('answers 503 (not 500) while it is away', async () => {
    const closed = createServer();
    await new Promise<void>((done) => closed.listen(0, '127.0.0.1', done));
    const address = closed.address();
    if (!address || typeof address === 'string') throw new Error('no port');
    await new Promise<void>((done) => closed.close(() => done()));
    const url = `postgres://postgres@127.0.0.1:${address.port}/gone`;
    const handle = await openDatabase({ kind: 'postgres', url, connectTimeoutMs: 300 });
    const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: url, WEB_DIST_DIR: '/nonexistent' });
    const app = await buildApp({ config, db: handle.db, logger: false });
    await app.ready();
    try {
      const list = await app.inject({ method: 'GET', url: '/api/specialties' });
      expect(list.statusCode).toBe(503);
      expect(list.json().code).toBe('UNAVAILABLE');
    } finally {
      await app.close();
      await handle.close();
    }
  }, 20_000);
});
