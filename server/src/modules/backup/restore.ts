import { resolve } from 'node:path';
import type { Config } from '../../config';
import { BackupError } from './backup-error';
import { verifyBackup, type Manifest } from './manifest';
import { pgliteHasDatabase, restorePglite, type DumpFacts } from './pglite-dump';
import { postgresIsEmpty, restorePostgres } from './postgres-dump';
import { copyUploadsIn, folderIsEmpty, uploadsFolder } from './uploads';

export interface RestoreOptions {
  from: string;
  database: Config['database'];
  storage: Config['storage']['kind'];
  filesDir: string;
  /** Replace a database or files folder that is not empty (their contents are lost). */
  force?: boolean;
}

function differences(expected: Record<string, number>, actual: Record<string, number>): string[] {
  const tables = new Set([...Object.keys(expected), ...Object.keys(actual)]);
  return [...tables]
    .filter((t) => expected[t] !== actual[t])
    .map((t) => `${t}: 备份 ${expected[t] ?? '无此表'}，恢复后 ${actual[t] ?? '无此表'}`);
}

/**
 * Restores a backup into a fresh database and files folder. Every digest of the manifest is checked
 * before anything is touched; a target that is not empty is refused unless `force`; the restored row
 * counts are compared with the manifest's.
 */
export async function restoreBackup(options: RestoreOptions): Promise<Manifest> {
  const from = resolve(options.from);
  const force = options.force ?? false;
  const manifest = await verifyBackup(from);
  const { database } = options;
  if (manifest.engine !== database.kind) {
    const name = { pglite: '内嵌数据库（PGlite，未设置 DATABASE_URL）', postgres: 'PostgreSQL 数据库（DATABASE_URL）' };
    throw new BackupError(
      `这是${name[manifest.engine]}的备份，而当前配置的目标是${name[database.kind]}：只能恢复到同一种数据库`,
    );
  }
  const uploads = manifest.files.map((f) => f.path).filter((p) => p.startsWith(`${uploadsFolder}/`));
  const filesDir = resolve(options.filesDir);
  if (uploads.length > 0 && options.storage !== 'local') {
    throw new BackupError(
      '备份中有本地存储的上传文件，而目标配置为 S3（STORAGE=s3）：请用本地存储恢复后再自行迁移到 S3',
    );
  }
  // Every refusal before the first write: a half-restored target is worse than none.
  if (!force) {
    const occupied =
      database.kind === 'postgres' ? !(await postgresIsEmpty(database.url)) : pgliteHasDatabase(database.dataDir);
    if (occupied) {
      throw new BackupError(
        database.kind === 'postgres'
          ? '目标数据库不是空的，已拒绝恢复。请用 createdb 新建一个空数据库并以 DATABASE_URL 指向它，或加 --force 用备份替换（现有数据将丢失）。'
          : `目标数据目录 ${database.dataDir} 已有数据库，已拒绝恢复。请指定一个新的 DATA_DIR，或加 --force 用备份替换（现有数据将丢失）。`,
      );
    }
    if (uploads.length > 0 && !(await folderIsEmpty(filesDir))) {
      throw new BackupError(
        `上传文件目录 ${filesDir} 不是空的，已拒绝恢复。请指定新的 FILES_DIR，或加 --force 替换其内容。`,
      );
    }
  }
  const dumpFile = resolve(from, manifest.database.file);
  const facts: DumpFacts =
    database.kind === 'postgres'
      ? await restorePostgres(database.url, dumpFile, force)
      : await restorePglite(database.dataDir, dumpFile, force);
  if (uploads.length > 0) await copyUploadsIn(from, uploads, filesDir, force);
  const wrong = differences(manifest.rowCounts, facts.rowCounts);
  if (wrong.length) throw new BackupError(`恢复后的行数与备份清单不符：\n  ${wrong.join('\n  ')}`);
  return manifest;
}
