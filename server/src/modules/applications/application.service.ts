import {
  emptyForm,
  formDataSchema,
  formTables,
  type Application,
  type ApplicationChoicesBody,
  type FormTableKey,
} from '#common';
import type { Clock } from '../../clock';
import type { Db, Executor } from '../../db/database';
import type { ApplicantActor, Actor } from '../../domain/actor';
import { AppError, notFound } from '../../domain/app-error';
import { may, workflowAbilities } from '../../policies/application';
import { readsLogRow } from '../../policies/review-log';
import { appendAudit } from '../audit/audit.repository';
import { logOf } from '../review/review-log.repository';
import { presentTimeline } from '../review/review.presenter';
import { loadFor } from './application-access';
import { checkSubmission, type UnitReadinessCheck } from './application-check';
import { resolveChoices } from './application-choices';
import { coverOf } from './application-cover';
import * as lookup from './application-lookup.repository';
import { presentApplication, whereNow } from './application.presenter';
import * as applications from './application.repository';
import { attachmentsOf } from './attachment.repository';
import { refuseSameYear } from './same-year-rule';
import { transition } from './workflow-runner';

const stale = () => new AppError('CONFLICT', '申报内容已在其他页面或由他人修改，请刷新后再操作');

/** 申报评审表 (manual §4): the applicant's drafts and submissions, and every viewer's page of one. */
export function createApplicationService(db: Db, clock: Clock, deps: { unitReadiness: UnitReadinessCheck }) {
  async function present(executor: Executor, row: applications.ApplicationRow, actor: Actor): Promise<Application> {
    const [committee, batch, title, studied, practised, unit, files, cover] = await Promise.all([
      row.committee_id ? lookup.findCommittee(executor, row.committee_id) : undefined,
      row.batch_id ? applications.findBatchWindow(executor, row.batch_id) : undefined,
      lookup.findTitle(executor, row.title_id),
      row.specialty_studied_id ? lookup.findSpecialty(executor, row.specialty_studied_id) : undefined,
      row.specialty_practised_id ? lookup.findSpecialty(executor, row.specialty_practised_id) : undefined,
      row.unit_id ? lookup.unitName(executor, row.unit_id) : undefined,
      attachmentsOf(executor, row.id),
      coverOf(executor, row, clock.now()),
    ]);
    const subject = { row, participated: false };
    return presentApplication(
      row,
      { committee, batch, title: title!, studied, practised, unit, files, cover },
      {
        abilities: workflowAbilities(actor, row),
        editable: { choices: may(actor, 'editChoices', subject), tables: may(actor, 'editTables', subject) },
      },
    );
  }

  return {
    present,

    /** 查看申报: anyone the policy lets see it; everyone else is told it does not exist. */
    async view(actor: Actor, id: number) {
      const { row } = await loadFor(db, actor, id, 'view');
      return present(db, row, actor);
    },

    async listMine(actor: ApplicantActor) {
      const rows = await applications.applicationsOf(db, actor.accountId);
      return Promise.all(rows.map((row) => present(db, row, actor)));
    },

    /** A new draft: 申报信息 first (not for a series and level this year already barred); the tables start empty. */
    async create(actor: ApplicantActor, body: ApplicationChoicesBody) {
      const person = await applications.applicantOf(db, actor.accountId);
      if (!person) throw notFound('个人信息不存在');
      const choices = await resolveChoices(db, clock.now(), body);
      await refuseSameYear(db, { ...choices, applicant_account_id: actor.accountId });
      return db.transaction().execute(async (trx) => {
        const now = clock.now();
        const id = await applications.insertApplication(trx, {
          ...choices,
          applicant_account_id: actor.accountId,
          unit_id: person.unit_id,
          status: 'draft',
          form: JSON.stringify(emptyForm()),
          created_at: now,
          updated_at: now,
        });
        await appendAudit(trx, actor, now, {
          action: 'application.create',
          objectType: 'application',
          objectId: id,
          detail: { kind: body.kind, titleId: body.titleId },
        });
        return id;
      });
    },

    /** 申报信息 change only in a draft (after 重置流程 too); the unit is the person's current one. */
    async updateChoices(actor: ApplicantActor, id: number, seenVersion: number, body: ApplicationChoicesBody) {
      const subject = await loadFor(db, actor, id, 'own');
      if (!may(actor, 'editChoices', subject)) {
        throw new AppError(
          'RULE_VIOLATED',
          '已提交的申报不能修改封面和申报信息，需要当前审核部门【重置流程】后方可修改',
        );
      }
      const choices = await resolveChoices(db, clock.now(), body);
      await refuseSameYear(db, { ...choices, applicant_account_id: actor.accountId, id });
      const person = (await applications.applicantOf(db, actor.accountId))!;
      return db.transaction().execute(async (trx) => {
        const saved = await applications.updateSeenVersion(
          trx,
          id,
          seenVersion,
          { ...choices, unit_id: person.unit_id },
          clock.now(),
        );
        if (!saved) throw stale();
        await appendAudit(trx, actor, saved.updated_at, {
          action: 'application.choices.update',
          objectType: 'application',
          objectId: id,
        });
        return saved;
      });
    },

    /** Saves one table of a draft or of a returned application; other tables stay as they are. */
    async saveTable(actor: ApplicantActor, id: number, table: FormTableKey, seenVersion: number, data: unknown) {
      const subject = await loadFor(db, actor, id, 'own');
      if (!may(actor, 'editTables', subject)) {
        throw new AppError('RULE_VIOLATED', '申报已提交，需要当前审核部门【返回修改】后方可修改');
      }
      const parsed = formTables[table].parse(data);
      return db.transaction().execute(async (trx) => {
        // The other tables are read from the row as locked here, never from the read before: a save of
        // another table that committed meanwhile is kept, and the version check sees it.
        const row = await applications.lockApplication(trx, id);
        if (!row || row.version !== seenVersion) throw stale();
        if (!may(actor, 'editTables', { ...subject, row })) {
          throw new AppError('RULE_VIOLATED', '申报已提交，需要当前审核部门【返回修改】后方可修改');
        }
        const form = { ...formDataSchema.parse(row.form), [table]: parsed };
        const saved = await applications.updateSeenVersion(
          trx,
          id,
          seenVersion,
          { form: JSON.stringify(form) },
          clock.now(),
        );
        if (!saved) throw stale();
        await appendAudit(trx, actor, saved.updated_at, {
          action: 'application.table.save',
          objectType: 'application',
          objectId: id,
          detail: { table, version: saved.version },
        });
        return saved;
      });
    },

    /** 提交前检查: every missing item by table and attachment category, and every blocking rule. */
    async check(actor: ApplicantActor, id: number) {
      const { row } = await loadFor(db, actor, id, 'own');
      return checkSubmission(db, row, clock.now(), deps.unitReadiness);
    },

    /**
     * 提交: the check first (its first blocker is the answer), then the workflow runner moves the
     * locked application along its route, in one transaction.
     */
    async submit(actor: ApplicantActor, id: number, seenVersion: number) {
      const { row } = await loadFor(db, actor, id, 'submit');
      const person = await applications.applicantOf(db, actor.accountId);
      // A draft goes to the person's unit as it is now (it may have changed since the draft began).
      const current = row.status === 'draft' ? { ...row, unit_id: person?.unit_id ?? null } : row;
      const result = await checkSubmission(db, current, clock.now(), deps.unitReadiness);
      if (!result.canSubmit) {
        throw new AppError(
          'RULE_VIOLATED',
          result.blockers[0]?.message ?? '申报材料不完整，请按检查结果补充后再提交',
          result,
        );
      }
      const moved = await db
        .transaction()
        .execute((trx) =>
          transition(trx, clock, { applicationId: id, seenVersion, action: 'submit', actor, opinion: '' }),
        );
      return present(db, moved, actor);
    },

    /** 审核记录 of one application (manual §5.1), oldest first, for whoever may see it. */
    async reviewLog(actor: Actor, id: number) {
      const { row } = await loadFor(db, actor, id, 'view');
      const rows = (await logOf(db, row.id)).filter((r) => readsLogRow(actor, r));
      return { entries: presentTimeline(rows), whereNow: whereNow(row) };
    },
  };
}

export type ApplicationService = ReturnType<typeof createApplicationService>;
