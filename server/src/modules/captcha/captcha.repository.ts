import type { Executor } from '../../db/database';

export async function insertCaptcha(
  db: Executor,
  captcha: { id: string; answer: string; createdAt: Date; expiresAt: Date },
): Promise<void> {
  await db
    .insertInto('captcha')
    .values({ id: captcha.id, answer: captcha.answer, created_at: captcha.createdAt, expires_at: captcha.expiresAt })
    .execute();
}

export async function deleteExpiredCaptchas(db: Executor, now: Date): Promise<void> {
  await db.deleteFrom('captcha').where('expires_at', '<', now).execute();
}

/** Removes a captcha and returns what it was: each one is answered once. */
export function takeCaptcha(db: Executor, id: string) {
  return db.deleteFrom('captcha').where('id', '=', id).returning(['answer', 'expires_at']).executeTakeFirst();
}
