import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Config } from '../../config';
import { BackupError } from './backup-error';
import { describeFiles, writeManifest, type Manifest } from './manifest';
import { dumpPglite, type DumpFacts } from './pglite-dump';
import { dumpPostgres } from './postgres-dump';
import { copyUploadsOut } from './uploads';

export interface BackupOptions {
  database: Config['database'];
  storage: Config['storage']['kind'];
  filesDir: string;
  /** A new or empty folder. */
  out: string;
  now?: Date;
}

export const s3Note =
  'Uploads are in S3 object storage and are not copied: keep them with the bucket’s own versioning (and replication).';

/**
 * One backup folder: the database dump, the uploaded files under files/ (local storage), and
 * manifest.json with the engine, the schema version, the row counts and the SHA-256 of every file.
 */
export async function createBackup(options: BackupOptions): Promise<Manifest> {
  const out = resolve(options.out);
  if (existsSync(out) && readdirSync(out).length > 0) {
    throw new BackupError(`备份目录 ${out} 已存在且不是空的：请指定一个新目录`);
  }
  mkdirSync(out, { recursive: true, mode: 0o700 });
  const { database } = options;
  let dumpFile: string;
  let facts: DumpFacts;
  if (database.kind === 'postgres') {
    dumpFile = 'database.pgdump';
    facts = await dumpPostgres(database.url, resolve(out, dumpFile));
  } else {
    dumpFile = 'database.pglite.tar.gz';
    facts = await dumpPglite(database.dataDir, resolve(out, dumpFile));
  }
  const uploads = options.storage === 'local' ? await copyUploadsOut(resolve(options.filesDir), out) : [];
  const manifest: Manifest = {
    format: 'zhicheng-backup',
    formatVersion: 1,
    createdAt: (options.now ?? new Date()).toISOString(),
    engine: database.kind,
    database: { file: dumpFile, migration: facts.migrations.at(-1) ?? null, migrations: facts.migrations },
    rowCounts: facts.rowCounts,
    uploads: {
      storage: options.storage,
      count: uploads.length,
      ...(options.storage === 's3' ? { note: s3Note } : {}),
    },
    files: await describeFiles(out, [dumpFile, ...uploads]),
  };
  await writeManifest(out, manifest);
  return manifest;
}
