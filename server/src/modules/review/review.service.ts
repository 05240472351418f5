import type { DecisionBody, ReviewList, ReviewQuery } from '#common';
import type { Clock } from '../../clock';
import type { Db } from '../../db/database';
import { deskActor, deskOrg, type Actor, type DeskActor, type UnitActor } from '../../domain/actor';
import { AppError, notFound } from '../../domain/app-error';
import { may } from '../../policies/application';
import { appendAudit } from '../audit/audit.repository';
import { loadFor, subjectFor } from '../applications/application-access';
import { lockApplication, saveUnitOpinion } from '../applications/application.repository';
import type { ApplicationService } from '../applications/application.service';
import { transition } from '../applications/workflow-runner';
import { listPage } from './review.repository';
import { createReviewSummary } from './review-summary';
import { presentReviewRow } from './review.presenter';

type Decision = { items: { id: string; version: number }[]; action: DecisionBody['action']; opinion: string };
type Outcome = { id: string; ok: boolean; code?: string; message?: string };

/** 申报审核 and 审核记录 (manual §5): the desks of units and reviewers, and their decisions. */
export function createReviewService(db: Db, clock: Clock, deps: { applications: Pick<ApplicationService, 'present'> }) {
  const pageOf = async (list: ReviewList, actor: Actor, query: ReviewQuery) => {
    const page = await listPage(db, list, deskOrg(deskActor(actor)), query);
    const { page: number, pageSize } = query;
    return {
      items: page.rows.map(presentReviewRow),
      total: page.total,
      totalCapped: page.totalCapped,
      page: number,
      pageSize,
      nextCursor: page.nextCursor,
    };
  };

  /**
   * One decision: the workflow runner in its own transaction. A refusal the user can act on is
   * reported for this application and the others go on.
   */
  async function decideOne(actor: DeskActor, item: Decision['items'][number], body: Decision): Promise<Outcome> {
    try {
      await db.transaction().execute((trx) =>
        transition(trx, clock, {
          applicationId: Number(item.id),
          seenVersion: item.version,
          action: body.action,
          actor,
          opinion: body.opinion,
        }),
      );
      return { id: item.id, ok: true };
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      return { id: item.id, ok: false, code: error.code, message: error.message };
    }
  }

  const { summary } = createReviewSummary(db, clock);

  return {
    /** 首页: what waits at this desk, and the nearest deadlines. */
    summary: (actor: Actor) => summary(deskActor(actor)),

    /** 申报审核: the applications at this desk's stage now. */
    desk: (actor: Actor, query: ReviewQuery) => pageOf('desk', actor, query),

    /** 审核记录: the applications this desk has decided on. */
    records: (actor: Actor, query: ReviewQuery) => pageOf('records', actor, query),

    /**
     * 审核: one decision on each checked application, each in its own transaction. With one
     * application its refusal is the answer, carrying its new state when it changed meanwhile.
     */
    async decide(actor: Actor, body: Decision) {
      const desk = deskActor(actor);
      const results: Outcome[] = [];
      for (const item of body.items) results.push(await decideOne(desk, item, body));
      const [only] = results;
      if (results.length === 1 && only && !only.ok) {
        const subject = only.code === 'CONFLICT' ? await subjectFor(db, desk, Number(only.id)) : undefined;
        const details = subject ? { application: await deps.applications.present(db, subject.row, desk) } : undefined;
        throw new AppError((only.code ?? 'RULE_VIOLATED') as 'CONFLICT', only.message ?? '审核失败', details);
      }
      return { results };
    },

    /** 基层意见 (表十二) as the unit saved it, once the application is submitted. */
    async unitOpinion(actor: UnitActor, id: number) {
      const { row } = await loadFor(db, actor, id, 'readUnitOpinion');
      return { unitOpinion: row.unit_opinion, version: row.version };
    },

    /** 基层意见 (表十二): the unit writes it while the application is at its stage, and saves before deciding. */
    async saveUnitOpinion(actor: UnitActor, id: number, seenVersion: number, opinion: string) {
      return db.transaction().execute(async (trx) => {
        const row = await lockApplication(trx, id);
        if (!row || !may(actor, 'writeUnitOpinion', { row, participated: false })) {
          throw notFound('申报不存在或不在单位审核环节');
        }
        if (row.version !== seenVersion) throw new AppError('CONFLICT', '该申报已发生变化，请刷新后再保存');
        const now = clock.now();
        const version = await saveUnitOpinion(trx, row.id, row.version, opinion, now);
        await appendAudit(trx, actor, now, {
          action: 'application.unitOpinion.save',
          objectType: 'application',
          objectId: row.id,
        });
        return { unitOpinion: opinion, version };
      });
    },
  };
}

export type ReviewService = ReturnType<typeof createReviewService>;
