import type { Readable } from 'node:stream';
import type { Db } from '../../db/database';
import type { Actor } from '../../domain/actor';
import { notFound } from '../../domain/app-error';
import { storedFilePolicy } from '../../policies/stored-file';
import type { FileStorage } from './file-storage';
import { findStoredFile } from './file.repository';

export interface OpenedFile {
  originalName: string;
  contentType: string;
  content: Readable;
}

export interface FileService {
  /** An uploaded file, to its owner or the platform's admin. */
  open(actor: Actor, fileId: number): Promise<OpenedFile>;
}

export function createFileService(db: Db, storage: FileStorage): FileService {
  return {
    async open(actor, fileId) {
      const file = await findStoredFile(db, fileId);
      // Someone else's file answers exactly as a missing one.
      if (!file || !storedFilePolicy.open(actor, file)) throw notFound('文件不存在');
      return {
        originalName: file.original_name,
        contentType: file.content_type,
        content: await storage.get(file.storage_key),
      };
    },
  };
}
