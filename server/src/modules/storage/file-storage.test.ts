import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalFileStorage, type FileStorage } from './file-storage';
import { createS3FileStorage } from './s3-file-storage';

async function read(stream: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'zc-storage-'));
  dirs.push(dir);
  return dir;
};

// A local S3-compatible server (the same protocol as MinIO) for the object-storage adapter.
let s3: S3rver;
let s3Port = 0;
beforeAll(async () => {
  s3 = new S3rver({
    port: 0,
    address: '127.0.0.1',
    silent: true,
    directory: tempDir(),
    configureBuckets: [{ name: 'zhicheng', configs: [] }],
  });
  const address = await s3.run();
  s3Port = address.port;
});
afterAll(async () => {
  await s3.close();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

const storages: [string, () => FileStorage][] = [
  ['local folder', () => createLocalFileStorage(tempDir())],
  [
    'S3-compatible object storage',
    () =>
      createS3FileStorage({
        endpoint: `http://127.0.0.1:${s3Port}`,
        region: 'us-east-1',
        bucket: 'zhicheng',
        accessKeyId: 'S3RVER',
        secretAccessKey: 'S3RVER',
        forcePathStyle: true,
      }),
  ],
];

describe.each(storages)('file storage: %s', (_name, make) => {
  it('stores, reads back and removes a file by its key', async () => {
    const storage = make();
    await storage.put('2026/05/a.pdf', Buffer.from('%PDF-1.4 内容'));
    expect(await read(await storage.get('2026/05/a.pdf'))).toBe('%PDF-1.4 内容');
    await storage.remove('2026/05/a.pdf');
    await expect(storage.get('2026/05/a.pdf').then(read)).rejects.toThrow();
  });
});

describe('local file storage', () => {
  it('never writes outside its folder, whatever the key', async () => {
    const storage = createLocalFileStorage(tempDir());
    await expect(storage.put('../escape.pdf', Buffer.from('x'))).rejects.toThrow(/outside the storage root/);
  });

  it('keeps uploads (ID-card scans among them) readable by the server’s user only, whatever the umask', async () => {
    const root = tempDir();
    const storage = createLocalFileStorage(root);
    const umask = process.umask(0o022);
    try {
      await storage.put('2026/05/id-card.jpg', Buffer.from('scan'));
    } finally {
      process.umask(umask);
    }
    expect(statSync(join(root, '2026/05/id-card.jpg')).mode & 0o777).toBe(0o600);
    expect(statSync(join(root, '2026/05')).mode & 0o777).toBe(0o700);
    expect(statSync(join(root, '2026')).mode & 0o777).toBe(0o700);
  });
});
