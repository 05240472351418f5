import type { Actor } from '../domain/actor';

/** What a rule needs to know of an uploaded file. */
export interface StoredFileSubject {
  owner_account_id: number;
}

/**
 * Who may open an uploaded file on its own (a unit's licence, an applicant's upload): its uploader,
 * and the platform's admin, who checks a licence before setting a unit's new phone. Attachments of an
 * application are opened through the application's policy instead.
 */
export const storedFilePolicy = {
  open: (actor, file) => file.owner_account_id === actor.accountId || actor.kind === 'admin',
} satisfies Record<string, (actor: Actor, file: StoredFileSubject) => boolean>;
