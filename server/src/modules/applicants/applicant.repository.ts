import type { Insertable, Selectable } from 'kysely';
import type { Executor } from '../../db/database';
import { contains } from '../../db/contains';
import { personalData } from '../../db/personal-data';
import type { ApplicantTable } from '../../db/schema';

export type ApplicantRow = Selectable<ApplicantTable>;

export async function findApplicant(db: Executor, accountId: number): Promise<ApplicantRow | undefined> {
  const row = await db.selectFrom('applicant').selectAll().where('account_id', '=', accountId).executeTakeFirst();
  return row && { ...row, id_number: personalData(db).open(row.id_number) };
}

/** The unit an applicant belongs to, or null when they have chosen none (or are no applicant). */
export async function applicantUnitId(db: Executor, accountId: number): Promise<number | null> {
  const row = await db.selectFrom('applicant').select('unit_id').where('account_id', '=', accountId).executeTakeFirst();
  return row?.unit_id ?? null;
}

export async function idNumberRegistered(db: Executor, idNumber: string): Promise<boolean> {
  const row = await db
    .selectFrom('applicant')
    .select('account_id')
    .where('id_number_hash', '=', personalData(db).idNumberKey(idNumber))
    .executeTakeFirst();
  return row !== undefined;
}

/** A person as their service knows them, in plain text: the ID number is sealed here. */
export async function insertApplicant(
  db: Executor,
  values: Omit<Insertable<ApplicantTable>, 'id_number_hash'>,
): Promise<void> {
  const idNumber = personalData(db).idNumber(values.id_number);
  await db
    .insertInto('applicant')
    .values({ ...values, id_number: idNumber.sealed, id_number_hash: idNumber.key })
    .execute();
}

/** 个人信息: the person, the phone of their account and the unit they chose. */
export async function findProfile(db: Executor, accountId: number) {
  const row = await db
    .selectFrom('applicant')
    .innerJoin('account', 'account.id', 'applicant.account_id')
    .leftJoin('unit', 'unit.id', 'applicant.unit_id')
    .select([
      'applicant.name',
      'applicant.id_number',
      'applicant.gender',
      'applicant.birth_date',
      'account.phone',
      'unit.id as unit_id',
      'unit.name as unit_name',
    ])
    .where('applicant.account_id', '=', accountId)
    .executeTakeFirst();
  if (!row) return row;
  const data = personalData(db);
  return { ...row, id_number: data.open(row.id_number), phone: data.openOrNull(row.phone) };
}

export type ProfileRow = NonNullable<Awaited<ReturnType<typeof findProfile>>>;

export async function renameApplicant(db: Executor, accountId: number, name: string, now: Date): Promise<void> {
  await db.updateTable('applicant').set({ name, updated_at: now }).where('account_id', '=', accountId).execute();
}

/** The person's row, locked until the end of the transaction. */
export function lockApplicant(db: Executor, accountId: number) {
  return db
    .selectFrom('applicant')
    .select(['name', 'unit_id'])
    .where('account_id', '=', accountId)
    .forUpdate()
    .executeTakeFirstOrThrow();
}

export async function joinUnit(db: Executor, accountId: number, unitId: number, now: Date): Promise<void> {
  await db
    .updateTable('applicant')
    .set({ unit_id: unitId, unit_joined_at: now, updated_at: now })
    .where('account_id', '=', accountId)
    .execute();
}

/** Units a person may choose, by a part of the name or the whole credit code; the first 20 by name. */
export function searchUnits(db: Executor, keyword: string) {
  const like = contains(keyword);
  return db
    .selectFrom('unit')
    .select(['id', 'name', 'credit_code'])
    .where((eb) => eb.or([eb('name', 'like', like), eb('credit_code', '=', keyword.toUpperCase())]))
    .orderBy('name')
    .limit(20)
    .execute();
}

export type UnitSearchRow = Awaited<ReturnType<typeof searchUnits>>[number];
