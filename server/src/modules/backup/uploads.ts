import { existsSync } from 'node:fs';
import { copyFile, mkdir, readdir, rm } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { listFiles } from './manifest';

export const uploadsFolder = 'files';

/** Copies every uploaded file (local storage) into the backup's files/; answers their relative paths there. */
export async function copyUploadsOut(filesDir: string, backupDir: string): Promise<string[]> {
  if (!existsSync(filesDir)) return [];
  const paths = await listFiles(filesDir);
  for (const path of paths) {
    const target = join(backupDir, uploadsFolder, path);
    await mkdir(dirname(target), { recursive: true, mode: 0o700 });
    await copyFile(join(filesDir, path), target);
  }
  return paths.map((p) => `${uploadsFolder}/${p}`);
}

export async function folderIsEmpty(dir: string): Promise<boolean> {
  if (!existsSync(dir)) return true;
  return (await readdir(dir)).length === 0;
}

/** Puts the backup's files/ back under the storage root (emptied first when the restore is forced). */
export async function copyUploadsIn(
  backupDir: string,
  paths: string[],
  filesDir: string,
  force: boolean,
): Promise<void> {
  const root = resolve(filesDir);
  if (force) await rm(root, { recursive: true, force: true });
  await mkdir(root, { recursive: true, mode: 0o700 });
  for (const path of paths) {
    const target = join(root, path.slice(uploadsFolder.length + 1));
    await mkdir(dirname(target), { recursive: true, mode: 0o700 });
    // ID-card scans and licences: the server's user only, as the storage writes them.
    await copyFile(join(backupDir, path), target);
  }
}
