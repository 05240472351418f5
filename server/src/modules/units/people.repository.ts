import type { Executor } from '../../db/database';
import { contains } from '../../db/contains';
import { paginate, type PageRequest } from '../../db/paginate';
import { openPage } from '../../db/personal-data';
import { lockedAtNow } from '../auth/account.repository';

/** One of the unit's own people, with the lock of their account. */
export function findUnitPerson(db: Executor, unitId: number, accountId: number, now: Date) {
  return db
    .selectFrom('applicant')
    .innerJoin('account', 'account.id', 'applicant.account_id')
    .select(['applicant.account_id', 'applicant.name'])
    .select((eb) => lockedAtNow(eb, now))
    .where('applicant.account_id', '=', accountId)
    .where('applicant.unit_id', '=', unitId)
    .executeTakeFirst();
}

/** 专业技术人员: the people who chose the unit, the latest to join first. */
export async function peoplePage(
  db: Executor,
  unitId: number,
  filter: { keyword?: string; unitName?: string },
  page: PageRequest,
  now: Date,
) {
  let q = db
    .selectFrom('applicant')
    .innerJoin('account', 'account.id', 'applicant.account_id')
    .innerJoin('unit', 'unit.id', 'applicant.unit_id')
    .where('applicant.unit_id', '=', unitId);
  if (filter.keyword) q = q.where('applicant.name', 'like', contains(filter.keyword));
  if (filter.unitName) q = q.where('unit.name', 'like', contains(filter.unitName));
  const found = await paginate(
    q,
    page,
    (rows) =>
      rows
        .select([
          'applicant.account_id',
          'applicant.name',
          'applicant.gender',
          'applicant.id_number',
          'applicant.birth_date',
          'account.phone',
          'unit.name as unit_name',
          'applicant.unit_joined_at',
        ])
        .select((eb) => lockedAtNow(eb, now)),
    {
      sort: 'applicant.unit_joined_at',
      id: 'applicant.account_id',
      // A person of a unit always has the time they joined it (set together with unit_id).
      keyOf: (r) => ({ sort: r.unit_joined_at!, id: r.account_id }),
    },
  );
  return openPage(db, found, ['id_number', 'phone']);
}

export type PersonListRow = Awaited<ReturnType<typeof peoplePage>>['rows'][number];

/** The person leaves the unit. */
export async function leaveUnit(db: Executor, unitId: number, accountId: number, at: Date): Promise<void> {
  await db
    .updateTable('applicant')
    .set({ unit_id: null, unit_joined_at: null, updated_at: at })
    .where('account_id', '=', accountId)
    .where('unit_id', '=', unitId)
    .execute();
}
