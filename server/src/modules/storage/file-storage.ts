import { createReadStream } from 'node:fs';
import { mkdir, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { Readable } from 'node:stream';

/**
 * Where uploaded files live: outside the web root, under generated keys. The local folder is the
 * default; S3-compatible object storage is another implementation of the same interface.
 */
export interface FileStorage {
  put(key: string, content: Buffer): Promise<void>;
  get(key: string): Promise<Readable>;
  remove(key: string): Promise<void>;
  /** Every stored key with when it was written, for the orphan sweeper. */
  list(): AsyncIterable<{ key: string; writtenAt: Date }>;
}

export function createLocalFileStorage(root: string): FileStorage {
  const base = resolve(root);
  const pathOf = (key: string) => {
    // Keys are ours (generated), but a path that leaves the root is refused whatever made it.
    const path = resolve(base, key);
    if (!path.startsWith(`${base}/`)) throw new Error('storage key outside the storage root');
    return path;
  };
  return {
    async put(key, content) {
      const path = pathOf(key);
      // ID-card scans and licences: the server's user only, whatever the umask.
      await mkdir(dirname(path), { recursive: true, mode: 0o700 });
      await writeFile(path, content, { flag: 'wx', mode: 0o600 });
    },
    get: async (key) => createReadStream(pathOf(key)),
    remove: (key) => rm(pathOf(key), { force: true }),
    async *list() {
      const entries = await readdir(base, { recursive: true, withFileTypes: true }).catch(() => []);
      for (const entry of entries) {
        if (!entry.isFile()) continue;
        const path = join(entry.parentPath, entry.name);
        const { mtime } = await stat(path);
        yield { key: relative(base, path).split(sep).join('/'), writtenAt: mtime };
      }
    },
  };
}

export const defaultStorageRoot = (dataDir: string) => join(dataDir, 'files');
