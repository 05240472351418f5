import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { Kysely, PostgresDialect, sql } from 'kysely';
import type { Database } from '../../db/schema';
import pg from 'pg';
import { BackupError } from './backup-error';
import { appliedMigrations, tableRowCounts, userRelationCount } from './database-facts';
import type { DumpFacts } from './pglite-dump';

const run = promisify(execFile);

function connect(url: string): Kysely<Database> {
  return new Kysely<Database>({
    dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url, max: 1 }) }),
  });
}

/** The address for a command line without its password, which goes in PGPASSWORD: `ps` shows arguments. */
function withoutPassword(url: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const address = new URL(url);
  const password = decodeURIComponent(address.password);
  address.password = '';
  return { dbname: address.toString(), env: password ? { ...process.env, PGPASSWORD: password } : process.env };
}

async function tool(command: 'pg_dump' | 'pg_restore', url: string, args: string[]): Promise<void> {
  const { dbname, env } = withoutPassword(url);
  try {
    await run(command, [...args, `--dbname=${dbname}`], { env, maxBuffer: 16 * 1024 * 1024 });
  } catch (error) {
    const e = error as NodeJS.ErrnoException & { stderr?: string };
    if (e.code === 'ENOENT') {
      throw new BackupError(
        `找不到 ${command}：请安装与数据库同版本或更新的 PostgreSQL 客户端工具（如 postgresql-client）`,
      );
    }
    throw new BackupError(`${command} 执行失败：${(e.stderr ?? e.message).trim()}`);
  }
}

/**
 * pg_dump in its custom format. The server may keep running: the row counts are read in a
 * repeatable-read transaction whose snapshot pg_dump is told to use, so the manifest describes
 * exactly the rows in the dump.
 */
export async function dumpPostgres(url: string, outFile: string): Promise<DumpFacts> {
  const db = connect(url);
  try {
    return await db
      .transaction()
      .setIsolationLevel('repeatable read')
      .execute(async (trx) => {
        const { rows } = await sql<{ id: string }>`select pg_export_snapshot() as id`.execute(trx);
        const facts = { rowCounts: await tableRowCounts(trx), migrations: await appliedMigrations(trx) };
        await tool('pg_dump', url, ['--format=custom', `--snapshot=${rows[0]!.id}`, `--file=${outFile}`]);
        return facts;
      });
  } finally {
    await db.destroy();
  }
}

/**
 * pg_restore into the database of `url`, which must be empty (a fresh `createdb`) unless `force`:
 * then its public schema is dropped first. Owners and grants of the source are not carried over: the
 * restoring user owns what it creates.
 */
export async function restorePostgres(url: string, dumpFile: string, force: boolean): Promise<DumpFacts> {
  const db = connect(url);
  try {
    if ((await userRelationCount(db)) > 0) {
      if (!force) {
        throw new BackupError(
          '目标数据库不是空的，已拒绝恢复。请用 createdb 新建一个空数据库并以 DATABASE_URL 指向它，或加 --force 用备份替换（现有数据将丢失）。',
        );
      }
      await sql`drop schema public cascade`.execute(db);
      await sql`create schema public`.execute(db);
    }
    await tool('pg_restore', url, [
      '--no-owner',
      '--no-privileges',
      '--exit-on-error',
      '--single-transaction',
      dumpFile,
    ]);
    return { rowCounts: await tableRowCounts(db), migrations: await appliedMigrations(db) };
  } finally {
    await db.destroy();
  }
}

export async function postgresIsEmpty(url: string): Promise<boolean> {
  const db = connect(url);
  try {
    return (await userRelationCount(db)) === 0;
  } finally {
    await db.destroy();
  }
}
