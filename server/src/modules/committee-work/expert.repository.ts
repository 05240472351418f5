import { sql } from 'kysely';
import type { ExpertStatus } from '#common';
import type { Executor } from '../../db/database';
import { personalData } from '../../db/personal-data';
import { insertAccount } from '../auth/account.repository';

/** The expert behind an account, with its committee: what the actor directory needs. */
export function expertOf(db: Executor, accountId: number) {
  return db
    .selectFrom('expert')
    .innerJoin('committee', 'committee.id', 'expert.committee_id')
    .select(['expert.account_id', 'expert.committee_id', 'expert.status', 'committee.name as committee_name'])
    .where('expert.account_id', '=', accountId)
    .executeTakeFirst();
}

export interface ExpertFilter {
  committeeId: number;
  keyword?: string;
  status?: ExpertStatus;
  accountId?: number;
}

function filtered(db: Executor, filter: ExpertFilter) {
  let q = db.selectFrom('expert').where('expert.committee_id', '=', filter.committeeId);
  if (filter.status) q = q.where('expert.status', '=', filter.status);
  if (filter.accountId !== undefined) q = q.where('expert.account_id', '=', filter.accountId);
  if (filter.keyword) {
    const like = `%${filter.keyword.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where((eb) =>
      eb.or([
        eb('expert.name', 'like', like),
        eb('expert.unit_name', 'like', like),
        sql<boolean>`expert.specialties::text like ${like}`,
      ]),
    );
  }
  return q;
}

export async function countExperts(db: Executor, filter: ExpertFilter): Promise<number> {
  const row = await filtered(db, filter)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** One page of the pool, with each expert's login name and phone (opened), unit, supervisor and conflicts. */
export async function listExperts(db: Executor, filter: ExpertFilter, page: { limit: number; offset: number }) {
  const rows = await filtered(db, filter)
    .innerJoin('account', 'account.id', 'expert.account_id')
    .leftJoin('unit', 'unit.id', 'expert.unit_id')
    .leftJoin('supervisor', 'supervisor.id', 'expert.supervisor_id')
    .selectAll('expert')
    .select([
      'account.login_name',
      'account.phone',
      'unit.name as unit_record_name',
      'supervisor.name as supervisor_name',
    ])
    .orderBy('expert.account_id')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  const ids = rows.map((r) => r.account_id);
  const conflicts = ids.length
    ? await db
        .selectFrom('expert_conflict')
        .innerJoin('unit', 'unit.id', 'expert_conflict.unit_id')
        .select(['expert_conflict.expert_account_id', 'unit.id', 'unit.name'])
        .where('expert_conflict.expert_account_id', 'in', ids)
        .orderBy('unit.id')
        .execute()
    : [];
  const data = personalData(db);
  return rows.map((row) => ({
    ...row,
    phone: data.openOrNull(row.phone) ?? '',
    conflicts: conflicts.filter((c) => c.expert_account_id === row.account_id),
  }));
}
export type ExpertListRow = Awaited<ReturnType<typeof listExperts>>[number];

export interface ExpertValues {
  name: string;
  unitName: string;
  unitId: number | null;
  supervisorId: number | null;
  titleName: string;
  specialties: string[];
  termStartsOn: string;
  termEndsOn: string;
  conflictUnitIds: number[];
}

async function writeConflicts(db: Executor, accountId: number, unitIds: number[]) {
  await db.deleteFrom('expert_conflict').where('expert_account_id', '=', accountId).execute();
  if (unitIds.length) {
    await db
      .insertInto('expert_conflict')
      .values([...new Set(unitIds)].map((unit_id) => ({ expert_account_id: accountId, unit_id })))
      .execute();
  }
}

/** The expert's account (a password to change at first login) and its place in the committee's pool. */
export async function insertExpert(
  db: Executor,
  at: Date,
  input: ExpertValues & { committeeId: number; loginName: string; phone: string; passwordHash: string },
): Promise<number> {
  const accountId = await insertAccount(db, {
    kind: 'expert',
    login_name: input.loginName,
    display_name: input.name,
    phone: input.phone,
    password_hash: input.passwordHash,
    must_change_password: true,
    password_changed_at: at,
    created_at: at,
    updated_at: at,
  });
  await db
    .insertInto('expert')
    .values({
      account_id: accountId,
      committee_id: input.committeeId,
      name: input.name,
      unit_name: input.unitName,
      unit_id: input.unitId,
      supervisor_id: input.supervisorId,
      title_name: input.titleName,
      specialties: JSON.stringify(input.specialties),
      term_starts_on: input.termStartsOn,
      term_ends_on: input.termEndsOn,
      status: 'active',
      created_at: at,
      updated_at: at,
    })
    .execute();
  await writeConflicts(db, accountId, input.conflictUnitIds);
  return accountId;
}

/** 修改: the phone changes only when given (the office sees it masked and may leave it out). */
export async function updateExpert(
  db: Executor,
  at: Date,
  accountId: number,
  values: ExpertValues & { phone?: string },
) {
  await db
    .updateTable('expert')
    .set({
      name: values.name,
      unit_name: values.unitName,
      unit_id: values.unitId,
      supervisor_id: values.supervisorId,
      title_name: values.titleName,
      specialties: JSON.stringify(values.specialties),
      term_starts_on: values.termStartsOn,
      term_ends_on: values.termEndsOn,
      updated_at: at,
    })
    .where('account_id', '=', accountId)
    .execute();
  const phone = values.phone === undefined ? null : personalData(db).phone(values.phone);
  await db
    .updateTable('account')
    .set({
      display_name: values.name,
      ...(phone ? { phone: phone.sealed, phone_hash: phone.key } : {}),
      updated_at: at,
    })
    .where('id', '=', accountId)
    .execute();
  await writeConflicts(db, accountId, values.conflictUnitIds);
}

export async function setExpertStatus(db: Executor, at: Date, accountId: number, status: ExpertStatus) {
  await db.updateTable('expert').set({ status, updated_at: at }).where('account_id', '=', accountId).execute();
}

/** The pool a meeting draws from: active experts of the committee whose term covers the meeting's date. */
export async function drawCandidates(db: Executor, committeeId: number, onDate: string) {
  const rows = await db
    .selectFrom('expert')
    .select(['account_id', 'specialties', 'unit_id', 'supervisor_id'])
    .where('committee_id', '=', committeeId)
    .where('status', '=', 'active')
    .where('term_starts_on', '<=', onDate)
    .where('term_ends_on', '>=', onDate)
    .execute();
  const conflicts = rows.length
    ? await db
        .selectFrom('expert_conflict')
        .select(['expert_account_id', 'unit_id'])
        .where(
          'expert_account_id',
          'in',
          rows.map((r) => r.account_id),
        )
        .execute()
    : [];
  return rows.map((r) => ({
    expertId: r.account_id,
    specialties: r.specialties,
    unitId: r.unit_id,
    supervisorId: r.supervisor_id,
    conflictUnitIds: conflicts.filter((c) => c.expert_account_id === r.account_id).map((c) => c.unit_id),
  }));
}
