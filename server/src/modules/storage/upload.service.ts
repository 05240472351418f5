import { createHash, randomUUID } from 'node:crypto';
import { fileTypeFromBuffer } from 'file-type';
import { imageSize } from 'image-size';
import { unsafeTextProblem } from '#common';
import type { Clock } from '../../clock';
import type { Db, Executor } from '../../db/database';
import { AppError } from '../../domain/app-error';
import type { FileStorage } from './file-storage';
import { insertStoredFile } from './file.repository';

/** What we accept, recognised by the bytes of the file, not by its name. */
const accepted = new Map([
  ['application/pdf', 'pdf'],
  ['image/jpeg', 'jpg'],
  ['image/png', 'png'],
]);

/**
 * The largest picture a side may have: a 48-megapixel phone photo (8000×6000) passes; a small file that
 * unpacks to gigabytes of pixels in a reviewer's browser does not.
 */
export const maxImageSide = 10_000;

export interface StoredFile {
  /** Inside the database only. */
  id: number;
  /** The file's name outside: addresses and forms. */
  publicId: string;
  originalName: string;
  contentType: string;
  sizeBytes: number;
}

/** A checked file written to storage, not yet recorded: `record` it in the transaction that uses it. */
export interface AcceptedFile {
  key: string;
  originalName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
}

export interface UploadService {
  /**
   * Checks a file (name, size, type by content, picture size) and writes it to storage. A file whose
   * record never commits (a failed transaction, a crash) is removed by the orphan sweeper.
   */
  accept(originalName: string, content: Buffer): Promise<AcceptedFile>;
  record(trx: Executor, file: AcceptedFile, owner: { accountId: number; purpose: string }): Promise<StoredFile>;
  /** Removes an accepted file whose transaction failed, at once rather than at the next sweep. */
  discard(file: AcceptedFile): Promise<void>;
  /** accept and record, for a file that stands alone (a unit's licence before it is saved). */
  store(input: { ownerAccountId: number; purpose: string; originalName: string; content: Buffer }): Promise<StoredFile>;
  maxBytes: number;
}

function checkPicture(content: Buffer): void {
  let size: { width?: number; height?: number };
  try {
    size = imageSize(content);
  } catch {
    throw new AppError('VALIDATION_FAILED', '图片已损坏或无法识别，请重新导出后再上传');
  }
  if ((size.width ?? 0) > maxImageSide || (size.height ?? 0) > maxImageSide) {
    throw new AppError(
      'VALIDATION_FAILED',
      `图片尺寸不能超过 ${maxImageSide}×${maxImageSide} 像素（本图 ${size.width}×${size.height}），请缩小后再上传`,
    );
  }
}

export function createUploadService(db: Db, clock: Clock, storage: FileStorage, maxBytes: number): UploadService {
  const service: UploadService = {
    maxBytes,
    async accept(originalName, content) {
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
      if (type.mime.startsWith('image/')) checkPicture(content);
      const now = clock.now();
      const key = `${now.getUTCFullYear()}/${String(now.getUTCMonth() + 1).padStart(2, '0')}/${randomUUID()}.${extension}`;
      await storage.put(key, content);
      return {
        key,
        originalName: originalName.slice(0, 200),
        contentType: type.mime,
        sizeBytes: content.length,
        sha256: createHash('sha256').update(content).digest('hex'),
      };
    },

    async record(trx, file, owner) {
      const { id, public_id } = await insertStoredFile(trx, {
        storage_key: file.key,
        original_name: file.originalName,
        content_type: file.contentType,
        size_bytes: file.sizeBytes,
        sha256: file.sha256,
        owner_account_id: owner.accountId,
        purpose: owner.purpose,
        created_at: clock.now(),
      });
      return {
        id,
        publicId: public_id,
        originalName: file.originalName,
        contentType: file.contentType,
        sizeBytes: file.sizeBytes,
      };
    },

    discard: (file) => storage.remove(file.key).catch(() => undefined),

    async store({ ownerAccountId, purpose, originalName, content }) {
      const file = await service.accept(originalName, content);
      try {
        return await db
          .transaction()
          .execute((trx) => service.record(trx, file, { accountId: ownerAccountId, purpose }));
      } catch (error) {
        await service.discard(file);
        throw error;
      }
    },
  };
  return service;
}
