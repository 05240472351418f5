import type { AccountKind } from '#common';
import type { Executor } from '../../db/database';
import type { Actor } from '../../domain/actor';
import { findAccountById } from '../auth/account.repository';
import { resolveActor } from '../auth/actor-directory';

/** The actor of a demo account, as a session of its own would resolve it. */
export async function actorOf<A extends Actor>(db: Executor, accountId: number): Promise<A> {
  return (await resolveActor(db, (await findAccountById(db, accountId))!, null)) as A;
}

export function listDemoCredentials(db: Executor) {
  return db.selectFrom('demo_credential').selectAll().orderBy('id').execute();
}

/** What the login page shows of the demo accounts. */
export function demoLoginCredentials(db: Executor) {
  return db.selectFrom('demo_credential').select(['kind', 'username', 'password', 'note']).orderBy('id').execute();
}

/** A demo account as the login page shows it; `note` is also printed at start. */
export type DemoCredential = { kind: AccountKind; username: string; password: string; note: string };

export async function insertDemoCredentials(db: Executor, credentials: DemoCredential[]): Promise<void> {
  await db.insertInto('demo_credential').values(credentials).execute();
}

/** A demo account is used at once: no first-login password change. */
export async function skipFirstPasswordChange(db: Executor, accountId: number): Promise<void> {
  await db.updateTable('account').set({ must_change_password: false }).where('id', '=', accountId).execute();
}

/** The archives titles and the specialty 档案学 the demo applications choose (reference data, loaded at start). */
export async function findReferenceIds(db: Executor) {
  const titles = await db
    .selectFrom('title')
    .select(['id', 'name'])
    .where('series_code', '=', 'archives')
    .where('name', 'in', ['助理馆员', '馆员', '副研究馆员'])
    .execute();
  const specialty = await db
    .selectFrom('specialty')
    .select('id')
    .where('path_name', '=', '管理学—图书情报与档案管理—档案学')
    .executeTakeFirstOrThrow();
  const titleId = (name: string) => String(titles.find((t) => t.name === name)!.id);
  return {
    titleIds: { 助理馆员: titleId('助理馆员'), 馆员: titleId('馆员'), 副研究馆员: titleId('副研究馆员') },
    specialtyId: String(specialty.id),
  };
}
