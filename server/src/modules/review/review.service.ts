import { sql, type SelectQueryBuilder } from 'kysely';
import {
  maskIdNumber,
  maskPhone,
  next,
  reviewStageLabels,
  workflowActionLabels,
  type DecisionBody,
  type OrgKind,
  type ReviewQuery,
  type ReviewRow,
  type WorkflowActor,
} from '#common';
import type { Clock } from '../../clock';
import type { Db } from '../../db/database';
import type { Database } from '../../db/schema';
import { AppError, forbidden, notFound } from '../../domain/app-error';
import type { AccountRow } from '../../db/schema';
import { appendAudit } from '../audit/audit.repository';
import type { AuditActor } from '../../domain/actor';
import { writeTransition } from '../applications/application-transition';
import { whereNow, type ApplicationRow, type ApplicationService } from '../applications/application.service';
import { insertMessage } from '../messages/message.repository';
import { reviewerOrg } from '../organisations/organisation.repository';
import { contains } from '../../db/contains';

/** A desk: the unit or the reviewer organisation an account decides for. */
export interface Desk {
  account: AccountRow;
  actor: AuditActor & { accountId: number };
  workflowActor: WorkflowActor;
  orgKind: 'unit' | OrgKind;
  orgId: number;
  orgName: string;
}

type ListQuery = SelectQueryBuilder<
  Database,
  'application' | 'applicant' | 'account' | 'unit' | 'title' | 'series',
  object
>;

async function participated(executor: Db, applicationId: number, orgKind: string, orgId: number): Promise<boolean> {
  const row = await executor
    .selectFrom('review_log')
    .select('id')
    .where('application_id', '=', applicationId)
    .where('org_kind', '=', orgKind as 'unit')
    .where('org_id', '=', orgId)
    .executeTakeFirst();
  return row !== undefined;
}

/** Tells an applicant of a decision outside the database (by SMS when configured); it must not fail the decision. */
export type DecisionNotifier = (
  applicantAccountId: number,
  orgName: string,
  action: DecisionBody['action'],
) => Promise<void>;

export function createReviewService(
  db: Db,
  clock: Clock,
  applications: ApplicationService,
  notifier?: DecisionNotifier,
) {
  function listBase(query: ReviewQuery) {
    let q = db
      .selectFrom('application')
      .innerJoin('applicant', 'applicant.account_id', 'application.applicant_account_id')
      .innerJoin('account', 'account.id', 'application.applicant_account_id')
      .innerJoin('unit', 'unit.id', 'application.unit_id')
      .innerJoin('title', 'title.id', 'application.title_id')
      .innerJoin('series', 'series.code', 'application.series_code') as ListQuery;
    if (query.year) q = q.where('application.year', '=', query.year);
    if (query.keyword) {
      const keyword = query.keyword;
      q = q.where((eb) =>
        eb.or([eb('applicant.name', 'like', contains(keyword)), eb('applicant.id_number', '=', keyword.toUpperCase())]),
      );
    }
    if (query.seriesCode) q = q.where('application.series_code', '=', query.seriesCode);
    if (query.titleLevel) q = q.where('application.title_level', '=', query.titleLevel);
    if (query.committeeId) q = q.where('application.committee_id', '=', Number(query.committeeId));
    if (query.kind) q = q.where('application.kind', '=', query.kind);
    return q;
  }

  async function page(q: ListQuery, query: ReviewQuery) {
    const [rows, count] = await Promise.all([
      q
        .leftJoin('committee', 'committee.id', 'application.committee_id')
        .selectAll('application')
        .select([
          'applicant.name as person_name',
          'applicant.gender',
          'applicant.id_number',
          'account.phone',
          'unit.name as unit_name',
          'title.name as title_name',
          'series.name as series_name',
          'committee.name as committee_name',
        ])
        .orderBy('application.submitted_at', 'desc')
        .orderBy('application.id', 'desc')
        .limit(query.pageSize)
        .offset((query.page - 1) * query.pageSize)
        .execute(),
      q.select(sql<number>`count(*)::int`.as('total')).executeTakeFirstOrThrow(),
    ]);
    const items: ReviewRow[] = rows.map((r) => ({
      id: String(r.id),
      version: r.version,
      kind: r.kind,
      year: r.year,
      name: r.person_name,
      unitName: r.unit_name,
      gender: r.gender,
      idNumberMasked: maskIdNumber(r.id_number),
      phoneMasked: r.phone ? maskPhone(r.phone) : '',
      seriesName: r.series_name,
      titleName: r.title_name,
      titleLevel: r.title_level,
      committeeName: r.committee_name,
      status: r.status,
      stage:
        r.status === 'inReview' && r.route && r.stage_index !== null ? (r.route[r.stage_index]?.stage ?? null) : null,
      whereNow: whereNow(r as ApplicationRow),
      submittedAt: r.submitted_at?.toISOString() ?? null,
      unitOpinionSaved: !!r.unit_opinion,
    }));
    return { items, total: count.total, page: query.page, pageSize: query.pageSize };
  }

  async function notifyApplicant(
    trx: Db,
    at: Date,
    row: ApplicationRow,
    desk: Desk,
    action: DecisionBody['action'],
    opinion: string,
    nextState: ReturnType<typeof applications.stateOf>,
  ) {
    const step = nextState.status === 'inReview' && nextState.route ? nextState.route[nextState.stageIndex!] : null;
    const said = opinion ? `审核意见：${opinion}` : '';
    const text = {
      approve: step
        ? `您的申报已通过${desk.orgName}审核，进入${reviewStageLabels[step.stage]}（${step.orgName}）。`
        : `您的申报已通过${desk.orgName}审核。`,
      reject: `您的申报未通过${desk.orgName}审核，本年度该系列该等级不能再次申报。`,
      return: `您的申报被${desk.orgName}返回修改，请修改申报信息后重新提交，提交后将直接回到${desk.orgName}审核。`,
      reset: `您的申报被${desk.orgName}重置流程，可重新选择单位、评委会、专业、等级并修改封面后再提交。`,
    }[action];
    await insertMessage(trx, at, {
      recipientAccountId: row.applicant_account_id,
      senderAccountId: desk.account.id,
      senderKind: desk.account.kind,
      content: `${text}${said}`,
    });
  }

  return {
    /** The desk an account works at, or 403 for an account without one. */
    async deskOf(account: AccountRow, ip: string | null): Promise<Desk> {
      const actor = { accountId: account.id, kind: account.kind, ip };
      if (account.kind === 'unit') {
        const unit = await db
          .selectFrom('unit')
          .select(['id', 'name'])
          .where('account_id', '=', account.id)
          .executeTakeFirst();
        if (!unit) throw notFound('单位不存在');
        return {
          account,
          actor,
          workflowActor: { kind: 'unit', accountId: account.id, unitId: unit.id },
          orgKind: 'unit',
          orgId: unit.id,
          orgName: unit.name,
        };
      }
      if (account.kind === 'reviewer') {
        const org = await reviewerOrg(db, account.id);
        if (!org) throw forbidden('审核用户未关联机构，请联系平台');
        return {
          account,
          actor,
          workflowActor: { kind: 'reviewer', accountId: account.id, orgKind: org.orgKind, orgId: org.orgId },
          orgKind: org.orgKind,
          orgId: org.orgId,
          orgName: org.orgName,
        };
      }
      throw forbidden('只有单位和审核用户有审核权限');
    },

    /** 申报审核: the applications at this desk's stage now. */
    desk(desk: Desk, query: ReviewQuery) {
      const q = listBase(query)
        .where('application.status', '=', 'inReview')
        .where('application.holder_kind', '=', desk.orgKind)
        .where('application.holder_org_id', '=', desk.orgId);
      return page(q, query);
    },

    /** 审核记录: the applications this desk has decided on. */
    records(desk: Desk, query: ReviewQuery) {
      const q = listBase(query).where((eb) =>
        eb.exists(
          eb
            .selectFrom('review_log')
            .select('review_log.id')
            .whereRef('review_log.application_id', '=', 'application.id')
            .where('review_log.org_kind', '=', desk.orgKind)
            .where('review_log.org_id', '=', desk.orgId)
            .where('review_log.action', '!=', 'submit'),
        ),
      );
      return page(q, query);
    },

    /** Whether this desk has ever decided on the application (it then keeps seeing it). */
    participated: (applicationId: number, orgKind: string, orgId: number) =>
      participated(db, applicationId, orgKind, orgId),

    /**
     * 审核: one decision on each checked application, each in its own transaction on the locked
     * row. An application that changed since the page showed it is not decided: it is reported.
     */
    async decide(
      desk: Desk,
      body: { items: { id: string; version: number }[]; action: DecisionBody['action']; opinion: string },
    ) {
      const results: { id: string; ok: boolean; code?: string; message?: string }[] = [];
      for (const item of body.items) {
        try {
          await db.transaction().execute(async (trx) => {
            const row = await trx
              .selectFrom('application')
              .selectAll()
              .where('id', '=', Number(item.id))
              .forUpdate()
              .executeTakeFirst();
            // An application that never reached this desk looks exactly like a missing one, whatever its version.
            const reached = row?.stage_index ?? -1;
            const onRoute =
              row?.route?.some((s, index) => index <= reached && s.holder === desk.orgKind && s.orgId === desk.orgId) ??
              false;
            if (!row || !(onRoute || (await participated(trx, row.id, desk.orgKind, desk.orgId))))
              throw notFound('申报不存在');
            if (row.version !== item.version)
              throw new AppError('CONFLICT', '该申报已发生变化（可能已被他人审核），请刷新后查看最新状态');
            const moved = next(applications.stateOf(row), body.action, desk.workflowActor);
            if (!moved.ok)
              throw new AppError(
                moved.code === 'NOT_AT_YOUR_STAGE' || moved.code === 'WRONG_STATE' ? 'CONFLICT' : 'RULE_VIOLATED',
                moved.message,
              );
            const step = row.route![row.stage_index!]!;
            if (body.action === 'approve' && step.stage === 'unitReview' && !row.unit_opinion) {
              throw new AppError('RULE_VIOLATED', '请先填写并保存基层意见（表十二）');
            }
            const now = clock.now();
            // 重置流程 sends everything back: the cover is rebuilt and the unit writes 表十二 again.
            const extra = body.action === 'reset' ? { cover: null, unit_opinion: null } : {};
            await writeTransition(
              trx,
              row,
              moved.state,
              {
                action: body.action,
                actorAccountId: desk.account.id,
                actorName: desk.account.display_name,
                orgKind: desk.orgKind,
                orgId: desk.orgId,
                orgName: desk.orgName,
                opinion: body.opinion,
              },
              now,
              extra,
            );
            await appendAudit(trx, desk.actor, now, {
              action: `application.${body.action}`,
              objectType: 'application',
              objectId: row.id,
              detail: { stage: step.stage, status: moved.state.status, opinion: body.opinion },
            });
            await notifyApplicant(trx, now, row, desk, body.action, body.opinion, moved.state);
          });
          results.push({ id: item.id, ok: true });
          if (notifier) {
            const row = await db
              .selectFrom('application')
              .select('applicant_account_id')
              .where('id', '=', Number(item.id))
              .executeTakeFirstOrThrow();
            await notifier(row.applicant_account_id, desk.orgName, body.action);
          }
        } catch (error) {
          if (!(error instanceof AppError)) throw error;
          results.push({ id: item.id, ok: false, code: error.code, message: error.message });
        }
      }
      return results;
    },

    /** 基层意见 (表十二): the unit writes it while the application is at its stage, and saves before deciding. */
    async saveUnitOpinion(desk: Desk, id: number, seenVersion: number, opinion: string) {
      return db.transaction().execute(async (trx) => {
        const row = await trx.selectFrom('application').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
        if (!row || row.holder_kind !== 'unit' || row.holder_org_id !== desk.orgId || desk.orgKind !== 'unit')
          throw notFound('申报不存在或不在单位审核环节');
        if (row.version !== seenVersion) throw new AppError('CONFLICT', '该申报已发生变化，请刷新后再保存');
        const now = clock.now();
        const saved = await trx
          .updateTable('application')
          .set({ unit_opinion: opinion, version: row.version + 1, updated_at: now })
          .where('id', '=', row.id)
          .returning(['version'])
          .executeTakeFirstOrThrow();
        await appendAudit(trx, desk.actor, now, {
          action: 'application.unitOpinion.save',
          objectType: 'application',
          objectId: row.id,
        });
        return saved.version;
      });
    },

    /** 审核记录 of one application (manual §5.1), oldest first. */
    async timeline(applicationId: number) {
      const rows = await db
        .selectFrom('review_log')
        .selectAll()
        .where('application_id', '=', applicationId)
        .orderBy('seq')
        .execute();
      let count = 0;
      return rows.map((r) => {
        const counted = r.action === 'return' || r.action === 'reset';
        if (counted) count++;
        return {
          seq: r.seq,
          stageLabel: r.action === 'submit' ? '个人提交' : r.stage ? reviewStageLabels[r.stage] : '',
          action: r.action,
          actionLabel: `【${workflowActionLabels[r.action]}】`,
          orgName: r.org_name,
          opinion: r.opinion,
          at: r.at.toISOString(),
          actorName: r.actor_name,
          returnOrResetCount: counted ? count : null,
        };
      });
    },
  };
}

export type ReviewService = ReturnType<typeof createReviewService>;
