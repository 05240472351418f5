import type { Readable } from 'node:stream';
import type { Clock } from '../../clock';
import type { Db } from '../../db/database';
import type { Actor } from '../../domain/actor';
import { notFound } from '../../domain/app-error';
import { storedFilePolicy } from '../../policies/stored-file';
import { appendAudit } from '../audit/audit.repository';
import type { FileStorage } from './file-storage';
import { findStoredFileByPublicId, isUnitLicence } from './file.repository';

export interface OpenedFile {
  originalName: string;
  contentType: string;
  content: Readable;
}

export interface FileService {
  /** An uploaded file, to whom `storedFilePolicy` lets open it; every read is audited. */
  open(actor: Actor, publicId: string): Promise<OpenedFile>;
}

export function createFileService(db: Db, clock: Clock, storage: FileStorage): FileService {
  return {
    async open(actor, publicId) {
      const file = await findStoredFileByPublicId(db, publicId);
      const subject = file && { ...file, isUnitLicence: await isUnitLicence(db, file.id) };
      // Someone else's file answers exactly as a missing one.
      if (!file || !subject || !storedFilePolicy.open(actor, subject)) throw notFound('文件不存在');
      await appendAudit(db, actor, clock.now(), {
        action: 'file.read',
        objectType: 'stored_file',
        objectId: file.id,
        detail: { purpose: file.purpose, ownerAccountId: file.owner_account_id },
      });
      return {
        originalName: file.original_name,
        contentType: file.content_type,
        content: await storage.get(file.storage_key),
      };
    },
  };
}
