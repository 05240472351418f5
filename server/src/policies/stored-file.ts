import type { Actor } from '../domain/actor';

/** What a rule needs to know of an uploaded file. */
export interface StoredFileSubject {
  owner_account_id: number;
  purpose: string;
  /** Whether a unit's 单位信息 names it as the unit's licence. */
  isUnitLicence: boolean;
}

/**
 * Who may open an uploaded file by its own address: its uploader, and the platform's admin for a
 * unit's licence (checked before setting a unit's new phone, manual §7.3). An application's
 * attachments (ID cards, diplomas) are opened only through the application, by whoever may see it, and
 * only while they are attached.
 */
export const storedFilePolicy = {
  open: (actor, file) =>
    file.purpose !== 'attachment' &&
    (file.owner_account_id === actor.accountId || (actor.kind === 'admin' && file.isUnitLicence)),
} satisfies Record<string, (actor: Actor, file: StoredFileSubject) => boolean>;
