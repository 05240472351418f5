import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { PGliteDialect } from 'kysely-pglite-dialect';
import { DataDirLockedError, lockDataDir } from '../../db/database';
import { BackupError } from './backup-error';
import { appliedMigrations, tableRowCounts } from './database-facts';

/**
 * The embedded database is backed up and restored with the server stopped. PGlite is one process's
 * database: the running server holds the data folder's lock (db/database.ts) and its files change under
 * any reader, so a copy taken beside it could be torn. We take the same lock, with the same lock file,
 * for the whole backup or restore; while we hold it the server cannot start either.
 */
async function lockDataFolder(dataDir: string, doing: string): Promise<() => Promise<void>> {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  try {
    return await lockDataDir(dataDir);
  } catch (error) {
    if (!(error instanceof DataDirLockedError)) throw error;
    throw new BackupError(
      `数据目录 ${dataDir} 正被运行中的 zhicheng 服务使用。内嵌数据库（PGlite）只能在服务停止时${doing}：请先停止服务，再重新执行。`,
    );
  }
}

export const pgliteFolder = (dataDir: string) => join(resolve(dataDir), 'pglite');

export interface DumpFacts {
  rowCounts: Record<string, number>;
  migrations: string[];
}

/** Writes the embedded database as PGlite's own gzipped tar of its data folder (dumpDataDir). */
export async function dumpPglite(dataDir: string, outFile: string): Promise<DumpFacts> {
  const folder = pgliteFolder(dataDir);
  const release = await lockDataFolder(resolve(dataDir), '备份');
  try {
    if (!hasFiles(folder)) throw new BackupError(`数据目录 ${folder} 中没有数据库，无可备份的内容（请检查 DATA_DIR）`);
    const client = await PGlite.create({ dataDir: folder });
    const db = new Kysely<Database>({ dialect: new PGliteDialect(client) });
    try {
      const facts = { rowCounts: await tableRowCounts(db), migrations: await appliedMigrations(db) };
      const dump = await client.dumpDataDir('gzip');
      await writeFile(outFile, Buffer.from(await dump.arrayBuffer()), { mode: 0o600 });
      return facts;
    } finally {
      await db.destroy();
    }
  } finally {
    await release();
  }
}

function hasFiles(folder: string): boolean {
  try {
    return readdirSync(folder).length > 0;
  } catch {
    return false;
  }
}

/**
 * Loads the dump into the data folder, which must be empty unless `force` (then its database is
 * replaced), and answers the row counts of what was loaded.
 */
export async function restorePglite(dataDir: string, dumpFile: string, force: boolean): Promise<DumpFacts> {
  const folder = pgliteFolder(dataDir);
  const release = await lockDataFolder(resolve(dataDir), '恢复');
  try {
    if (hasFiles(folder)) {
      if (!force) {
        throw new BackupError(
          `目标数据目录 ${folder} 已有数据库，已拒绝恢复。请指定一个新的 DATA_DIR，或加 --force 用备份替换它（现有数据将丢失）。`,
        );
      }
      rmSync(folder, { recursive: true, force: true });
    }
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    const client = await PGlite.create({ dataDir: folder, loadDataDir: new Blob([await readFile(dumpFile)]) });
    const db = new Kysely<Database>({ dialect: new PGliteDialect(client) });
    try {
      return { rowCounts: await tableRowCounts(db), migrations: await appliedMigrations(db) };
    } finally {
      await db.destroy();
    }
  } finally {
    await release();
  }
}

/** Whether the folder holds a database already (what restore refuses to overwrite without --force). */
export const pgliteHasDatabase = (dataDir: string) => hasFiles(pgliteFolder(dataDir));
