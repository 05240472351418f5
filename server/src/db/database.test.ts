import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engine, openTestDatabase } from '../../../test/test-database';
import { DataDirLockedError, openDatabase, type DatabaseHandle } from './database';

describe.runIf(engine === 'pglite')('embedded database (PGlite) in a data folder', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'zc-lock-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('holds the folder exclusively: a second opener fails fast with a clear message, and may open after the first closes', async () => {
    const first = await openDatabase({ kind: 'pglite', dataDir: dir });
    await sql`create table kept (v int)`.execute(first.db);
    await sql`insert into kept values (42)`.execute(first.db);
    const started = Date.now();
    const second = openDatabase({ kind: 'pglite', dataDir: dir });
    await expect(second).rejects.toBeInstanceOf(DataDirLockedError);
    await expect(second).rejects.toThrow(/正被另一个 zhicheng 进程使用/);
    expect(Date.now() - started).toBeLessThan(5_000);
    await first.close();

    const reopened = await openDatabase({ kind: 'pglite', dataDir: dir });
    const { rows } = await sql<{ v: number }>`select v from kept`.execute(reopened.db);
    expect(rows).toEqual([{ v: 42 }]);
    await reopened.close();
  }, 60_000);

  it('makes its folders readable by the server’s user only', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'zc-mode-'));
    try {
      const dataDir = join(parent, 'data');
      const umask = process.umask(0o022);
      let handle: DatabaseHandle;
      try {
        handle = await openDatabase({ kind: 'pglite', dataDir });
      } finally {
        process.umask(umask);
      }
      await handle.close();
      expect(statSync(dataDir).mode & 0o777).toBe(0o700);
      expect(statSync(join(dataDir, 'pglite')).mode & 0o777).toBe(0o700);
    } finally {
      rmSync(parent, { recursive: true, force: true });
    }
  }, 60_000);

  it('opens at once after a crash (kill -9) left the lock behind: its holder is gone', async () => {
    const crashed = mkdtempSync(join(tmpdir(), 'zc-crash-'));
    try {
      // What a killed server leaves: a fresh lock and the pid of a process that no longer runs.
      const gone = spawnSync(process.execPath, ['-e', '']).pid;
      mkdirSync(join(crashed, 'zhicheng.lock'));
      writeFileSync(join(crashed, 'zhicheng.pid'), JSON.stringify({ pid: gone, hostname: hostname() }));
      const handle = await openDatabase({ kind: 'pglite', dataDir: crashed });
      await sql`select 1`.execute(handle.db);
      await handle.close();
    } finally {
      rmSync(crashed, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('transactions', () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await openTestDatabase();
    await sql`create table counter (n int not null)`.execute(handle.db);
    await sql`insert into counter values (0)`.execute(handle.db);
  });
  afterAll(() => handle.close());

  it('keeps other requests from seeing a transaction until it ends, and rolls back all of a failed one', async () => {
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let inside!: () => void;
    const entered = new Promise<void>((r) => (inside = r));
    const tx = handle.db.transaction().execute(async (trx) => {
      await sql`update counter set n = n + 1`.execute(trx);
      inside();
      await held;
    });
    await entered;
    // On PGlite this query waits for the transaction (one connection); on PostgreSQL it reads the last commit.
    const read = sql<{ n: number }>`select n from counter`.execute(handle.db).then((r) => r.rows[0]!.n);
    const raced = await Promise.race([
      read.then((n) => `read ${n}`),
      new Promise((r) => setTimeout(() => r('waiting'), 200)),
    ]);
    expect(raced).toBe(engine === 'pglite' ? 'waiting' : 'read 0');
    release();
    await tx;
    expect(await read).toBe(engine === 'pglite' ? 1 : 0);

    await expect(
      handle.db.transaction().execute(async (trx) => {
        await sql`update counter set n = 100`.execute(trx);
        throw new Error('rule broken halfway');
      }),
    ).rejects.toThrow('rule broken halfway');
    const { rows } = await sql<{ n: number }>`select n from counter`.execute(handle.db);
    expect(rows[0]!.n).toBe(1);
  });
});
