import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect, type PostgresPool, type PostgresPoolClient, type Transaction } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import pg from 'pg';
import lockfile from 'proper-lockfile';
import type { Database } from './schema';

export type Db = Kysely<Database>;
/** What a repository function runs on: the database, or the transaction of the change it is part of. */
export type Executor = Kysely<Database> | Transaction<Database>;

export interface DatabaseHandle {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** Requests waiting for a connection of the pool (PostgreSQL): what load shedding watches. */
  waiting?: () => number;
  close(): Promise<void>;
}

export class DataDirLockedError extends Error {}

export type DatabaseOptions =
  | { kind: 'postgres'; url: string; poolSize?: number; connectTimeoutMs?: number; statementTimeoutMs?: number }
  | { kind: 'pglite'; dataDir: string }
  /** An in-memory PGlite, optionally loaded from a dump (tests start from a migrated template). */
  | { kind: 'pglite-memory'; loadDataDir?: Blob };

// int8 (counts, bigint ids) as JS numbers: our counts stay far below 2^53.
pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10));
// A date (without time) stays the 'YYYY-MM-DD' it is, on both engines: no time zone can shift it.
const dateOid = 1082;
pg.types.setTypeParser(dateOid, (v) => v);
const pgliteParsers = { [dateOid]: (v: string) => v };

const lockOptions = (dataDir: string) => ({
  lockfilePath: join(dataDir, 'zhicheng.lock'),
  // The lock is held by updating the lock file's mtime; a holder that stopped updating goes stale after 10 s.
  stale: 10_000,
  update: 2_000,
  retries: 0,
});

/** The holder of a data folder's lock, written beside it so that the next start can tell a crash. */
interface LockHolder {
  pid: number;
  hostname: string;
}

function holderGone(dataDir: string): boolean {
  let holder: LockHolder;
  try {
    holder = JSON.parse(readFileSync(join(dataDir, 'zhicheng.pid'), 'utf8')) as LockHolder;
  } catch {
    return false;
  }
  if (holder.hostname !== hostname() || !Number.isInteger(holder.pid)) return false;
  try {
    process.kill(holder.pid, 0);
    return false;
  } catch (error) {
    // ESRCH: no such process. EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/**
 * One process at a time may open the embedded database's folder. A lock left by a process that was
 * killed (kill -9, a power cut) on this machine is taken over at once instead of after the stale time.
 * The backup and restore commands take the same lock.
 */
export async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  const take = () => lockfile.lock(dataDir, lockOptions(dataDir));
  let release: () => Promise<void>;
  try {
    release = await take();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ELOCKED') throw error;
    if (!holderGone(dataDir)) {
      throw new DataDirLockedError(
        `数据目录 ${dataDir} 正被另一个 zhicheng 进程使用（内嵌数据库只允许一个进程打开）。请先停止那个进程，或用 DATA_DIR 指定另一个目录。`,
      );
    }
    rmSync(join(dataDir, 'zhicheng.lock'), { recursive: true, force: true });
    release = await take();
  }
  writeFileSync(join(dataDir, 'zhicheng.pid'), JSON.stringify({ pid: process.pid, hostname: hostname() }), {
    mode: 0o600,
  });
  return release;
}

/**
 * A statement we stopped waiting for (query_timeout: a stalled server or network) still occupies its
 * connection: the ROLLBACK after it would wait behind it for a second full timeout, and so would the
 * next request handed that connection. Such a connection is closed at once; the pool opens a fresh one.
 */
function closingOnReadTimeout(pool: pg.Pool): PostgresPool {
  return {
    async connect() {
      const client = await pool.connect();
      const query = async (text: string, parameters: ReadonlyArray<unknown>) => {
        try {
          return await client.query(text, [...parameters]);
        } catch (error) {
          if (error instanceof Error && error.message === 'Query read timeout')
            void client.end().catch(() => undefined);
          throw error;
        }
      };
      // Kysely uses only the (sql, parameters) form: no cursor is configured.
      return {
        query: query as unknown as PostgresPoolClient['query'],
        release: (destroy) => client.release(destroy),
      };
    },
    end: () => pool.end(),
  };
}

export async function openDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  if (options.kind === 'postgres') {
    const statementTimeout = options.statementTimeoutMs ?? 30_000;
    const pool = new pg.Pool({
      connectionString: options.url,
      max: options.poolSize ?? 10,
      // A server away or stalled must not hold a request forever: give up connecting, let the server
      // cancel a long statement, and stop waiting on our side a little later (a stalled server cannot cancel).
      connectionTimeoutMillis: options.connectTimeoutMs ?? 5_000,
      statement_timeout: statementTimeout,
      query_timeout: statementTimeout + 2_000,
      keepAlive: true,
    });
    // An idle connection the server ended (a restart, a dropped test database) is replaced at the next
    // checkout; without a listener its error would end the process.
    pool.on('error', (error) => console.warn(`数据库空闲连接已断开，将自动重连：${error.message}`));
    // A connection cut while a request holds it (between two statements) emits 'error' on a client the
    // pool no longer listens to, which would end the process. The request learns of it from its next
    // statement (not queryable: 503) and the pool drops the client when it is released.
    pool.on('connect', (client) => client.on('error', () => undefined));
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: closingOnReadTimeout(pool) }) });
    return { db, kind: 'postgres', waiting: () => pool.waitingCount, close: () => db.destroy() };
  }
  if (options.kind === 'pglite-memory') {
    const client = await PGlite.create({
      parsers: pgliteParsers,
      ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
    });
    const db = new Kysely<Database>({ dialect: new PGliteDialect(client) });
    return { db, kind: 'pglite', close: () => db.destroy() };
  }

  const dataDir = resolve(options.dataDir);
  const pgDir = join(dataDir, 'pglite');
  // The database holds ID and phone numbers: its folders are the server's user's only.
  mkdirSync(pgDir, { recursive: true, mode: 0o700 });
  const release = await lockDataDir(dataDir);
  try {
    const client = await PGlite.create({ dataDir: pgDir, parsers: pgliteParsers });
    const db = new Kysely<Database>({ dialect: new PGliteDialect(client) });
    return {
      db,
      kind: 'pglite',
      close: async () => {
        await db.destroy();
        await release();
      },
    };
  } catch (error) {
    await release();
    throw error;
  }
}
