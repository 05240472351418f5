import { createHash, randomUUID } from 'node:crypto';
import { fileTypeFromBuffer } from 'file-type';
import { unsafeTextProblem } from '#common';
import type { Clock } from '../../clock';
import type { Db } from '../../db/database';
import { AppError } from '../../domain/app-error';
import type { FileStorage } from './file-storage';
import { insertStoredFile } from './file.repository';

/** What we accept, recognised by the bytes of the file, not by its name. */
const accepted = new Map([
  ['application/pdf', 'pdf'],
  ['image/jpeg', 'jpg'],
  ['image/png', 'png'],
]);

export interface StoredFile {
  id: number;
  originalName: string;
  contentType: string;
  sizeBytes: number;
}

export interface UploadService {
  store(input: { ownerAccountId: number; purpose: string; originalName: string; content: Buffer }): Promise<StoredFile>;
  maxBytes: number;
}

export function createUploadService(db: Db, clock: Clock, storage: FileStorage, maxBytes: number): UploadService {
  return {
    maxBytes,
    async store({ ownerAccountId, purpose, originalName, content }) {
      const nameProblem = unsafeTextProblem(originalName);
      if (nameProblem) throw new AppError('VALIDATION_FAILED', `文件名${nameProblem}（可将文件改名后再上传）`);
      if (content.length === 0) throw new AppError('VALIDATION_FAILED', '文件是空的，请重新选择');
      if (content.length > maxBytes) {
        throw new AppError(
          'PAYLOAD_TOO_LARGE',
          `文件不能超过 ${Math.floor(maxBytes / 1024 / 1024)} MB，请压缩后再上传`,
        );
      }
      const type = await fileTypeFromBuffer(content);
      const extension = type ? accepted.get(type.mime) : undefined;
      if (!type || !extension) throw new AppError('VALIDATION_FAILED', '只能上传 PDF、JPG、PNG 格式的文件');
      const now = clock.now();
      const key = `${now.getUTCFullYear()}/${String(now.getUTCMonth() + 1).padStart(2, '0')}/${randomUUID()}.${extension}`;
      await storage.put(key, content);
      try {
        const id = await insertStoredFile(db, {
          storage_key: key,
          original_name: originalName.slice(0, 200),
          content_type: type.mime,
          size_bytes: content.length,
          sha256: createHash('sha256').update(content).digest('hex'),
          owner_account_id: ownerAccountId,
          purpose,
          created_at: now,
        });
        return { id, originalName, contentType: type.mime, sizeBytes: content.length };
      } catch (error) {
        await storage.remove(key);
        throw error;
      }
    },
  };
}
