import type { AdminUnitQuery } from '#common';
import type { Executor } from '../../db/database';
import { contains } from '../../db/contains';
import { paginate, type PageRequest } from '../../db/paginate';
import { openPage, personalData } from '../../db/personal-data';
import { insertAccount, lockedAtNow, lockedNow } from '../auth/account.repository';

/** 单位管理: units by name, credit code or phone, and by whether their account is locked; the newest first. */
export async function unitPage(
  db: Executor,
  filter: Pick<AdminUnitQuery, 'keyword' | 'locked'>,
  page: PageRequest,
  now: Date,
) {
  let q = db.selectFrom('unit').innerJoin('account', 'account.id', 'unit.account_id');
  const keyword = filter.keyword;
  if (keyword) {
    q = q.where((eb) =>
      eb.or([
        eb('unit.name', 'like', contains(keyword)),
        eb('unit.credit_code', '=', keyword.toUpperCase()),
        eb('account.phone_hash', '=', personalData(db).phoneKey(keyword)),
      ]),
    );
  }
  if (filter.locked) q = q.where((eb) => (filter.locked === 'true' ? lockedNow(eb, now) : eb.not(lockedNow(eb, now))));
  // Sorted by id alone (not by a timestamp), so the pages go by offset.
  const found = await paginate(q, page, (rows) =>
    rows
      .select([
        'unit.id as unitId',
        'account.id as accountId',
        'unit.name',
        'unit.credit_code',
        'unit.contact_name',
        'account.phone',
        'unit.created_at',
      ])
      .select((eb) => lockedAtNow(eb, now))
      .orderBy('unit.id', 'desc'),
  );
  return openPage(db, found, ['phone']);
}

export type AdminUnitListRow = Awaited<ReturnType<typeof unitPage>>['rows'][number];

/** The phone and lock of an account that exists. */
export async function accountContact(db: Executor, accountId: number, now: Date) {
  const row = await db
    .selectFrom('account')
    .select('phone')
    .select((eb) => lockedAtNow(eb, now))
    .where('id', '=', accountId)
    .executeTakeFirstOrThrow();
  return { ...row, phone: personalData(db).openOrNull(row.phone) };
}

/** The name of an uploaded file (a unit's licence), as it was uploaded. */
export function storedFileName(db: Executor, fileId: number) {
  return db
    .selectFrom('stored_file')
    .select(['public_id', 'original_name'])
    .where('id', '=', fileId)
    .executeTakeFirst();
}

/** A platform admin's account: its login name is also the name it shows. */
export function insertAdminAccount(db: Executor, at: Date, admin: { username: string; passwordHash: string }) {
  return insertAccount(db, {
    kind: 'admin',
    login_name: admin.username,
    display_name: admin.username,
    phone: null,
    password_hash: admin.passwordHash,
    password_changed_at: at,
    created_at: at,
    updated_at: at,
  });
}
