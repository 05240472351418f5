import { sql, type ExpressionBuilder } from 'kysely';
import type { ReviewStage } from '#common';
import type { Executor } from '../../db/database';
import type { Database } from '../../db/schema';

/** The stage an application is at now, read from its route (a jsonb array) at its stage index. */
export const stageNow = sql<ReviewStage | null>`(application.route -> application.stage_index ->> 'stage')`;

/** Whether it waits at `stage` with the committee (or bureau) that holds it. */
export const waitingAt =
  (stage: ReviewStage, holder: { kind: 'committee' | 'hrBureau'; orgId: number }) =>
  (eb: ExpressionBuilder<Database, 'application'>) =>
    eb.and([
      eb('application.status', '=', 'inReview'),
      eb('application.holder_kind', '=', holder.kind),
      eb('application.holder_org_id', '=', holder.orgId),
      eb(stageNow, '=', stage),
    ]);

/** What the committee's lists show of an application: who, from where, for which title and specialty. */
export function applicationSummaries(db: Executor) {
  return db
    .selectFrom('application')
    .innerJoin('applicant', 'applicant.account_id', 'application.applicant_account_id')
    .innerJoin('title', 'title.id', 'application.title_id')
    .leftJoin('unit', 'unit.id', 'application.unit_id')
    .leftJoin('specialty', 'specialty.id', 'application.specialty_practised_id')
    .leftJoin('committee', 'committee.id', 'application.committee_id')
    .select([
      'application.id',
      'application.version',
      'application.unit_id',
      'application.route',
      'application.title_level',
      'application.committee_id',
      'applicant.name as applicant_name',
      'unit.name as unit_name',
      'title.name as title_name',
      'specialty.path_name as specialty',
      'committee.name as committee_name',
    ]);
}
export type ApplicationSummary = Awaited<ReturnType<ReturnType<typeof applicationSummaries>['execute']>>[number];

/** The supervising department on an application's route, if it has one: its experts are recused too. */
export const supervisorOnRoute = (summary: Pick<ApplicationSummary, 'route'>): number | null =>
  summary.route?.find((step) => step.holder === 'supervisor')?.orgId ?? null;

/** The applicant's other submitted applications of the same year, at any committee (重复申报). */
export function sameYearApplications(db: Executor, of: { id: number; applicant_account_id: number; year: number }) {
  return applicationSummaries(db)
    .select(['application.status', 'application.kind', 'application.stage_index'])
    .where('application.applicant_account_id', '=', of.applicant_account_id)
    .where('application.year', '=', of.year)
    .where('application.id', '!=', of.id)
    .where('application.status', '!=', 'draft')
    .orderBy('application.id')
    .execute();
}

/** Who and what an application is, as every list of the committee's work names it. */
export const whoOf = (a: Pick<ApplicationSummary, 'id' | 'applicant_name' | 'unit_name' | 'title_name'>) => ({
  applicationId: String(a.id),
  applicantName: a.applicant_name,
  unitName: a.unit_name ?? '',
  titleName: a.title_name,
});
