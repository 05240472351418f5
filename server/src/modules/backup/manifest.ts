import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { isAbsolute, join, normalize, relative, sep } from 'node:path';
import { z } from 'zod';
import { BackupError } from './backup-error';

export const manifestFileName = 'manifest.json';

const fileEntrySchema = z.object({
  /** Relative to the backup folder, with forward slashes. */
  path: z.string().min(1),
  bytes: z.number().int().min(0),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export type FileEntry = z.infer<typeof fileEntrySchema>;

/** What a backup holds and how to check it: every file in the folder but this one is listed with its digest. */
export const manifestSchema = z.object({
  format: z.literal('zhicheng-backup'),
  formatVersion: z.literal(1),
  createdAt: z.iso.datetime(),
  engine: z.enum(['pglite', 'postgres']),
  database: z.object({
    /** The dump: PGlite's data folder as a gzipped tar, or pg_dump's custom format. */
    file: z.string(),
    /** The last migration applied (the schema version), and all of them in order. */
    migration: z.string().nullable(),
    migrations: z.array(z.string()),
  }),
  /** Rows of every table of the schema when the dump was taken. */
  rowCounts: z.record(z.string(), z.number().int().min(0)),
  uploads: z.object({
    storage: z.enum(['local', 's3']),
    /** Under files/ in the backup; none with S3, whose bucket keeps its own versions. */
    count: z.number().int().min(0),
    note: z.string().optional(),
  }),
  files: z.array(fileEntrySchema),
});
export type Manifest = z.infer<typeof manifestSchema>;

export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Every regular file under `root`, as relative paths with forward slashes, sorted. */
export async function listFiles(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(root, join(e.parentPath, e.name)).split(sep).join('/'))
    .sort();
}

export async function describeFiles(root: string, paths: string[]): Promise<FileEntry[]> {
  const entries: FileEntry[] = [];
  for (const path of paths) {
    const full = join(root, path);
    entries.push({ path, bytes: (await stat(full)).size, sha256: await sha256File(full) });
  }
  return entries;
}

export async function writeManifest(dir: string, manifest: Manifest): Promise<void> {
  await writeFile(join(dir, manifestFileName), `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o600 });
}

/** A listed path that would leave the backup folder is refused whatever wrote it. */
function insideBackup(path: string): boolean {
  const normal = normalize(path);
  return !isAbsolute(normal) && normal !== '..' && !normal.startsWith(`..${sep}`);
}

/**
 * Reads the manifest and checks every file against it (present, same size, same SHA-256) and that the
 * folder holds nothing it does not list. Throws with every problem found; touches nothing.
 */
export async function verifyBackup(dir: string): Promise<Manifest> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(join(dir, manifestFileName), 'utf8'));
  } catch (error) {
    throw new BackupError(`无法读取备份清单 ${join(dir, manifestFileName)}：${(error as Error).message}`);
  }
  const parsed = manifestSchema.safeParse(raw);
  if (!parsed.success) {
    throw new BackupError(`备份清单 manifest.json 格式不正确，不是本系统的备份或已被修改：${parsed.error.message}`);
  }
  const manifest = parsed.data;
  const problems: string[] = [];
  const listed = new Set(manifest.files.map((f) => f.path));
  if (!listed.has(manifest.database.file)) problems.push(`清单未列出数据库文件 ${manifest.database.file}`);
  for (const entry of manifest.files) {
    if (!insideBackup(entry.path)) {
      problems.push(`清单中的路径越出备份目录：${entry.path}`);
      continue;
    }
    const full = join(dir, entry.path);
    try {
      const size = (await stat(full)).size;
      if (size !== entry.bytes) problems.push(`${entry.path} 大小不符（清单 ${entry.bytes} 字节，实际 ${size} 字节）`);
      else if ((await sha256File(full)) !== entry.sha256) problems.push(`${entry.path} 的 SHA-256 与清单不符`);
    } catch {
      problems.push(`缺少文件 ${entry.path}`);
    }
  }
  for (const path of await listFiles(dir)) {
    if (path !== manifestFileName && !listed.has(path)) problems.push(`清单之外的文件 ${path}`);
  }
  if (problems.length) {
    throw new BackupError(`备份校验失败，已拒绝恢复（未做任何改动）：\n  ${problems.join('\n  ')}`);
  }
  return manifest;
}
