import { sql } from 'kysely';
import type { AdminUnitQuery } from '#common';
import type { Db } from '../../db/database';
import { contains } from '../../db/contains';

export async function searchUnits(db: Db, query: AdminUnitQuery) {
  let q = db.selectFrom('unit').innerJoin('account', 'account.id', 'unit.account_id');
  if (query.keyword) {
    const like = contains(query.keyword);
    q = q.where((eb) =>
      eb.or([
        eb('unit.name', 'like', like),
        eb('unit.credit_code', '=', query.keyword!.toUpperCase()),
        eb('account.phone', '=', query.keyword!),
      ]),
    );
  }
  if (query.locked) q = q.where('account.locked_at', query.locked === 'true' ? 'is not' : 'is', null);
  const [rows, count] = await Promise.all([
    q
      .select([
        'unit.id as unitId',
        'account.id as accountId',
        'unit.name',
        'unit.credit_code',
        'unit.contact_name',
        'account.phone',
        'account.locked_at',
        'unit.created_at',
      ])
      .orderBy('unit.id', 'desc')
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute(),
    q.select(sql<number>`count(*)::int`.as('total')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: count.total };
}
