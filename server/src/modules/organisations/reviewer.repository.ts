import type { OrgKind } from '#common';
import type { Executor } from '../../db/database';
import { insertAccount, lockedAtNow } from '../auth/account.repository';
import { reviewerOrgId, reviewerOrgName } from './organisation.repository';
import { twoFactorOn } from '../two-factor/two-factor.repository';

export function listReviewers(
  db: Executor,
  filter: { orgKind?: OrgKind; orgId?: number; accountId?: number },
  now: Date,
) {
  let q = db
    .selectFrom('reviewer')
    .innerJoin('account', 'account.id', 'reviewer.account_id')
    .leftJoin('supervisor', 'supervisor.id', 'reviewer.supervisor_id')
    .leftJoin('hr_bureau', 'hr_bureau.id', 'reviewer.hr_bureau_id')
    .leftJoin('committee', 'committee.id', 'reviewer.committee_id')
    .select([
      'account.id as account_id',
      'account.login_name',
      'account.display_name',
      'reviewer.org_kind',
      reviewerOrgId.as('org_id'),
      reviewerOrgName.as('org_name'),
    ])
    .select((eb) => lockedAtNow(eb, now))
    .select((eb) => twoFactorOn(eb).as('two_factor'));
  if (filter.orgKind) q = q.where('reviewer.org_kind', '=', filter.orgKind);
  if (filter.orgId !== undefined) q = q.where(reviewerOrgId, '=', filter.orgId);
  if (filter.accountId !== undefined) q = q.where('account.id', '=', filter.accountId);
  return q.orderBy('account.id').execute();
}

export type ReviewerListRow = Awaited<ReturnType<typeof listReviewers>>[number];

export function findReviewer(db: Executor, accountId: number) {
  return db.selectFrom('reviewer').select('account_id').where('account_id', '=', accountId).executeTakeFirst();
}

/** The reviewer's account (with a password to change at first login) and its tie to its organisation. */
export async function insertReviewer(
  db: Executor,
  at: Date,
  reviewer: {
    username: string;
    displayName: string;
    phone: string | null;
    passwordHash: string;
    orgKind: OrgKind;
    orgId: number;
  },
): Promise<number> {
  const accountId = await insertAccount(db, {
    kind: 'reviewer',
    login_name: reviewer.username,
    display_name: reviewer.displayName,
    phone: reviewer.phone,
    password_hash: reviewer.passwordHash,
    must_change_password: true,
    password_changed_at: at,
    created_at: at,
    updated_at: at,
  });
  await db
    .insertInto('reviewer')
    .values({
      account_id: accountId,
      org_kind: reviewer.orgKind,
      supervisor_id: reviewer.orgKind === 'supervisor' ? reviewer.orgId : null,
      hr_bureau_id: reviewer.orgKind === 'hrBureau' ? reviewer.orgId : null,
      committee_id: reviewer.orgKind === 'committee' ? reviewer.orgId : null,
    })
    .execute();
  return accountId;
}
