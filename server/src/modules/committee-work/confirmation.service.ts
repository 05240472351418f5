import type { Clock } from '../../clock';
import type { Db, Executor } from '../../db/database';
import type { Actor, ReviewerActor } from '../../domain/actor';
import { AppError, forbidden } from '../../domain/app-error';
import { inTransaction } from './committee-office';
import { committeeStep } from './committee-step';
import { applicationSummaries, waitingAt, whoOf } from './committee-applications.repository';

/** What the bureau's 确认 leaves beside the state change: the certificate (issued by its own module). */
export type CertificateIssuer = (
  trx: Executor,
  now: Date,
  input: { applicationId: number; qualifiedOn: string; documentNumber: string; actor: ReviewerActor },
) => Promise<unknown>;

function bureau(actor: Actor): ReviewerActor {
  if (actor.kind !== 'reviewer' || actor.orgKind !== 'hrBureau') throw forbidden('只有人社部门可以确认评审结果');
  return actor;
}

/**
 * 人社部门确认: the bureau on the route confirms a batch of results after their 公示 with its 文号 and
 * 取得资格时间; each application is passed (已通过评审), 表十七's last part is filled and its certificate issued.
 */
export function createConfirmationService(db: Db, clock: Clock, deps: { issueCertificate: CertificateIssuer }) {
  return {
    async list(actor: Actor) {
      const office = bureau(actor);
      const rows = await applicationSummaries(db)
        .where(waitingAt('confirmation', { kind: 'hrBureau', orgId: office.orgId }))
        .select((eb) => [
          eb
            .selectFrom('notice_entry')
            .innerJoin('public_notice', 'public_notice.id', 'notice_entry.notice_id')
            .select('public_notice.ends_on')
            .whereRef('notice_entry.application_id', '=', 'application.id')
            .where('notice_entry.withdrawn_at', 'is', null)
            .orderBy('notice_entry.id', 'desc')
            .limit(1)
            .as('notice_ends_on'),
        ])
        .orderBy('application.id')
        .execute();
      const votes = rows.length
        ? await db
            .selectFrom('meeting_agenda')
            .select(['application_id', 'expected', 'present', 'agree', 'disagree', 'abstain', 'id'])
            .where(
              'application_id',
              'in',
              rows.map((r) => r.id),
            )
            .where('outcome', '=', 'passed')
            .orderBy('id')
            .execute()
        : [];
      return {
        items: rows.map((r) => {
          const vote = votes.filter((v) => v.application_id === r.id).at(-1);
          return {
            ...whoOf(r),
            committeeName: r.committee_name ?? '',
            titleLevel: r.title_level,
            tally: vote
              ? {
                  expected: vote.expected!,
                  present: vote.present!,
                  agree: vote.agree!,
                  disagree: vote.disagree!,
                  abstain: vote.abstain!,
                }
              : null,
            noticeEndsOn: r.notice_ends_on ?? null,
          };
        }),
      };
    },

    async confirm(actor: Actor, body: { applicationIds: number[]; documentNumber: string; qualifiedOn: string }) {
      const office = bureau(actor);
      return inTransaction(db, clock, office, async (trx, now) => {
        const found = await applicationSummaries(trx)
          .where('application.id', 'in', body.applicationIds)
          .where(waitingAt('confirmation', { kind: 'hrBureau', orgId: office.orgId }))
          .execute();
        if (found.length !== body.applicationIds.length) {
          throw new AppError('RULE_VIOLATED', '所选申报不在待确认环节，请刷新页面后重新选择');
        }
        for (const applicationId of body.applicationIds) {
          await trx
            .insertInto('result_confirmation')
            .values({
              application_id: applicationId,
              hr_bureau_id: office.orgId,
              document_number: body.documentNumber,
              qualified_on: body.qualifiedOn,
              confirmed_at: now,
              confirmed_by_account_id: office.accountId,
            })
            .execute();
          await committeeStep(trx, clock, {
            applicationId,
            action: 'approve',
            actor: office,
            decider: 'confirmation',
            opinion: `经审核确认，评审通过。文号：${body.documentNumber}；取得资格时间：${body.qualifiedOn}。`,
          });
          await deps.issueCertificate(trx, now, { ...body, applicationId, actor: office });
        }
        return {
          result: { confirmed: body.applicationIds.length },
          audit: {
            action: 'result.confirm',
            objectType: 'hrBureau',
            objectId: office.orgId,
            detail: { ...body },
          },
        };
      });
    },
  };
}
export type ConfirmationService = ReturnType<typeof createConfirmationService>;
