import type { AttachmentCategory } from '#common';
import type { Clock } from '../../clock';
import type { Db } from '../../db/database';
import type { Actor, ApplicantActor } from '../../domain/actor';
import { AppError, notFound } from '../../domain/app-error';
import { may } from '../../policies/application';
import { appendAudit } from '../audit/audit.repository';
import type { FileStorage } from '../storage/file-storage';
import type { UploadService } from '../storage/upload.service';
import { loadFor } from './application-access';
import { bumpVersion } from './application.repository';
import * as attachments from './attachment.repository';

const locked = () => new AppError('RULE_VIOLATED', '申报已提交，需要当前审核部门【返回修改】后方可修改附件');

/** 附件材料 of an application: added and removed by its applicant while editable, read by whoever sees it. */
export function createAttachmentService(
  db: Db,
  clock: Clock,
  deps: { uploads: Pick<UploadService, 'accept' | 'record' | 'discard'>; storage: Pick<FileStorage, 'get'> },
) {
  return {
    async add(
      actor: ApplicantActor,
      id: number,
      category: AttachmentCategory,
      file: { originalName: string; content: Buffer },
    ) {
      const subject = await loadFor(db, actor, id, 'own');
      if (!may(actor, 'editTables', subject)) throw locked();
      // The file first, then its record and the attachment in one transaction: a crash in between
      // leaves a file no row names, which the orphan sweeper removes.
      const accepted = await deps.uploads.accept(file.originalName, file.content);
      return db
        .transaction()
        .execute(async (trx) => {
          const now = clock.now();
          const stored = await deps.uploads.record(trx, accepted, {
            accountId: actor.accountId,
            purpose: 'attachment',
          });
          const attachmentId = await attachments.insertAttachment(trx, {
            applicationId: id,
            category,
            storedFileId: stored.id,
            at: now,
          });
          await bumpVersion(trx, id, now);
          await appendAudit(trx, actor, now, {
            action: 'attachment.add',
            objectType: 'application',
            objectId: id,
            detail: { category, fileId: stored.id },
          });
          return { attachmentId, ...stored };
        })
        .catch(async (error: unknown) => {
          await deps.uploads.discard(accepted);
          throw error;
        });
    },

    async remove(actor: ApplicantActor, id: number, attachmentId: number) {
      const subject = await loadFor(db, actor, id, 'own');
      if (!may(actor, 'editTables', subject)) throw locked();
      await db.transaction().execute(async (trx) => {
        const now = clock.now();
        const removed = await attachments.deleteAttachment(trx, id, attachmentId);
        if (!removed) throw notFound('附件不存在');
        await bumpVersion(trx, id, now);
        await appendAudit(trx, actor, now, {
          action: 'attachment.remove',
          objectType: 'application',
          objectId: id,
          detail: { category: removed.category, fileId: removed.stored_file_id },
        });
      });
    },

    /** 查看附件: the file itself, for whoever may see the application. */
    async open(actor: Actor, id: number, attachmentId: number) {
      const { row } = await loadFor(db, actor, id, 'view');
      const file = await attachments.attachmentFile(db, row.id, attachmentId);
      if (!file) throw notFound('附件不存在');
      // ID cards and diplomas: who read whose is on record.
      await appendAudit(db, actor, clock.now(), {
        action: 'attachment.read',
        objectType: 'application',
        objectId: row.id,
        detail: { attachmentId, category: file.category },
      });
      return {
        contentType: file.content_type,
        originalName: file.original_name,
        content: await deps.storage.get(file.storage_key),
      };
    },
  };
}

export type AttachmentService = ReturnType<typeof createAttachmentService>;
