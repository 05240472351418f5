import { titleLevels, type OrgKind, type ReviewList } from '#common';
import type { Db } from '../server/src/db/database';
import { personalData } from '../server/src/db/personal-data';
import { wholeList } from '../server/src/modules/review/review.repository';
import type { DeskSize } from '../server/src/modules/scale-seed/scale-seed';
import type { BenchDesk } from './lists';

/**
 * What the scenarios act on, read from the seeded database before the server starts (the embedded
 * database has one user at a time): the desks and a person at each, drafts to save, applications
 * for the batch decision and the form view, and the list that exports about 10,000 rows.
 */
export interface BenchPlan {
  desks: BenchDesk[];
  applicant: { idNumber: string; accountId: number };
  drafts: { id: number; version: number; idNumber: string }[];
  waiting: { id: number; version: number }[];
  viewedId: number;
  exportDesk: { kind: 'reviewer' | 'unit'; username: string; query: string; rows: number };
}

type Org = { orgKind: 'unit' | OrgKind; orgId: number };

async function deskOf(db: Db, label: string, size: DeskSize) {
  const account = await db
    .selectFrom('account')
    .leftJoin('reviewer', 'reviewer.account_id', 'account.id')
    .leftJoin('unit', 'unit.account_id', 'account.id')
    .select([
      'account.id',
      'account.kind',
      'reviewer.org_kind',
      'reviewer.supervisor_id',
      'reviewer.hr_bureau_id',
      'reviewer.committee_id',
      'unit.id as unit_id',
    ])
    .where('account.login_name', '=', size.username)
    .executeTakeFirstOrThrow();
  const org: Org =
    account.kind === 'unit'
      ? { orgKind: 'unit', orgId: account.unit_id! }
      : { orgKind: account.org_kind!, orgId: (account.supervisor_id ?? account.hr_bureau_id ?? account.committee_id)! };
  const person = await db
    .selectFrom('application')
    .innerJoin('applicant', 'applicant.account_id', 'application.applicant_account_id')
    .select(['applicant.name', 'applicant.id_number'])
    .where('application.status', '=', 'inReview')
    .where('application.holder_kind', '=', org.orgKind)
    .where('application.holder_org_id', '=', org.orgId)
    .orderBy('application.id')
    .limit(1)
    .executeTakeFirstOrThrow();
  const desk: BenchDesk = {
    label,
    kind: account.kind === 'unit' ? 'unit' : 'reviewer',
    username: size.username,
    accountId: account.id,
    waiting: size.waiting,
    person: { name: person.name, idNumber: personalData(db).open(person.id_number) },
  };
  return { desk, org };
}

const statusAt = (db: Db, status: 'draft' | 'inReview', stage?: 'committeeCheck' | 'officeReview') => {
  let q = db
    .selectFrom('application')
    .innerJoin('applicant', 'applicant.account_id', 'application.applicant_account_id')
    .select(['application.id', 'application.version', 'applicant.id_number', 'application.applicant_account_id'])
    .where('application.status', '=', status)
    .orderBy('application.id');
  if (stage) q = q.where('application.stage', '=', stage);
  return q;
};

export async function gatherPlan(
  db: Db,
  seeded: Record<'committee' | 'city' | 'county' | 'unit', DeskSize>,
): Promise<BenchPlan> {
  const data = personalData(db);
  const found = [
    await deskOf(db, '评委会 (committee)', seeded.committee),
    await deskOf(db, '州市人社局 (prefecture bureau)', seeded.city),
    await deskOf(db, '县区人社局 (county bureau)', seeded.county),
    await deskOf(db, '单位 (unit)', seeded.unit),
  ];
  const drafts = await statusAt(db, 'draft').limit(10).execute();
  const waiting = await statusAt(db, 'inReview', 'committeeCheck').limit(500).execute();
  const viewed = await statusAt(db, 'inReview', 'officeReview').limit(1).executeTakeFirstOrThrow();
  const someone = await statusAt(db, 'inReview').limit(1).executeTakeFirstOrThrow();

  // The list and filter that export closest to 10,000 rows, among the desks' lists by title level.
  let exportDesk: BenchPlan['exportDesk'] | undefined;
  for (const { desk, org } of found.slice(0, 3)) {
    for (const list of ['desk', 'records'] as ReviewList[]) {
      for (const titleLevel of [undefined, ...titleLevels]) {
        const rows = await wholeList(db, list, org, titleLevel ? { titleLevel } : {}).countUpTo(200_000);
        if (!exportDesk || Math.abs(rows - 10_000) < Math.abs(exportDesk.rows - 10_000)) {
          const query = `${list}/export${titleLevel ? `?titleLevel=${titleLevel}` : ''}`;
          exportDesk = { kind: desk.kind, username: desk.username, query, rows };
        }
      }
    }
  }
  return {
    desks: found.map((f) => f.desk),
    applicant: { idNumber: data.open(someone.id_number), accountId: someone.applicant_account_id },
    drafts: drafts.map((d) => ({ id: d.id, version: d.version, idNumber: data.open(d.id_number) })),
    waiting: waiting.map((w) => ({ id: w.id, version: w.version })),
    viewedId: viewed.id,
    exportDesk: exportDesk!,
  };
}
