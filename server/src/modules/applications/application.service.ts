import {
  abilities,
  checkApplication,
  defaultFormConfig,
  emptyForm,
  formDataSchema,
  formTables,
  next,
  reviewStageLabels,
  type Application,
  type ApplicationChoicesBody,
  type AttachmentCategory,
  type CheckResult,
  type FormTableKey,
  type WorkflowActor,
  type WorkflowState,
} from '#common';
import { beijingDay, type Clock } from '../../clock';
import type { Db } from '../../db/database';
import type { ApplicationTable } from '../../db/schema';
import type { Selectable } from 'kysely';
import { AppError, notFound } from '../../domain/app-error';
import { appendAudit } from '../audit/audit.repository';
import type { AuditActor } from '../../domain/actor';
import { insertMessage } from '../messages/message.repository';
import type { UploadService } from '../storage/upload.service';
import type { UnitInfoService } from '../units/unit-info.service';
import { findUnit } from '../units/unit.repository';
import { computeRoute } from './application-route';
import { writeTransition } from './application-transition';

export type ApplicationRow = Selectable<ApplicationTable>;

const stateOf = (row: ApplicationRow): WorkflowState => ({
  status: row.status,
  stageIndex: row.stage_index,
  route: row.route,
  returnedFromIndex: row.returned_from_index,
  returnCount: row.return_count,
});

/** Where the application is and who holds it, in the words the applicant reads. */
export function whereNow(row: ApplicationRow): string {
  const step = row.status === 'inReview' && row.route && row.stage_index !== null ? row.route[row.stage_index] : null;
  switch (row.status) {
    case 'draft':
      return row.return_count > 0 ? '已重置流程，待申报人修改后重新提交' : '草稿，尚未提交';
    case 'inReview':
      return step ? `${reviewStageLabels[step.stage]}中（${step.orgName}）` : '审核中';
    case 'returned': {
      const from = row.route && row.returned_from_index !== null ? row.route[row.returned_from_index] : null;
      return from ? `已被${from.orgName}返回修改，修改后提交将直接回到${reviewStageLabels[from.stage]}` : '已返回修改';
    }
    case 'rejected':
      return '审核不通过，本年度该系列该等级不能再次申报';
    case 'passed':
      return row.kind === 'evaluation' ? '评委会电子材料审核已通过' : '考核定职审核通过';
  }
}

export function createApplicationService(
  db: Db,
  clock: Clock,
  deps: { uploads: UploadService; unitInfo: UnitInfoService },
) {
  const config = defaultFormConfig;

  async function load(id: number): Promise<ApplicationRow> {
    const row = await db.selectFrom('application').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound('申报不存在');
    return row;
  }

  /** The applicant's own application; anyone else's is “not found”. */
  async function own(accountId: number, id: number): Promise<ApplicationRow> {
    const row = await load(id);
    if (row.applicant_account_id !== accountId) throw notFound('申报不存在');
    return row;
  }

  const tablesEditable = (row: ApplicationRow) => row.status === 'draft' || row.status === 'returned';

  /** Resolves and checks the 申报信息 choices; returns the columns they set. */
  async function resolveChoices(body: ApplicationChoicesBody) {
    const title = await db.selectFrom('title').selectAll().where('id', '=', Number(body.titleId)).executeTakeFirst();
    if (!title) throw new AppError('VALIDATION_FAILED', '申报职称不存在');
    let batch: { id: number; year: number; committee_id: number; opens_at: Date; closes_at: Date } | undefined;
    if (body.kind === 'evaluation') {
      batch = await db
        .selectFrom('committee_batch')
        .select(['id', 'year', 'committee_id', 'opens_at', 'closes_at'])
        .where('id', '=', Number(body.batchId))
        .executeTakeFirst();
      if (!batch) throw new AppError('VALIDATION_FAILED', '评委会批次不存在');
      const now = clock.now();
      if (!(batch.opens_at <= now && now < batch.closes_at))
        throw new AppError('RULE_VIOLATED', '该评委会当前不在网报时间内，请选择正在开评的评委会');
      const committee = await db
        .selectFrom('committee')
        .select(['series_code', 'title_levels'])
        .where('id', '=', batch.committee_id)
        .executeTakeFirstOrThrow();
      if (committee.series_code !== title.series_code)
        throw new AppError('RULE_VIOLATED', '所选职称不属于该评委会的职称系列');
      if (!committee.title_levels.includes(title.level))
        throw new AppError('RULE_VIOLATED', '该评委会不评审所选职称等级');
    }
    for (const [key, label] of [
      ['specialtyStudiedId', '所学专业'],
      ['specialtyPractisedId', '从事专业'],
    ] as const) {
      const value = body[key];
      if (!value) continue;
      const specialty = await db
        .selectFrom('specialty')
        .select('depth')
        .where('id', '=', Number(value))
        .executeTakeFirst();
      if (!specialty) throw new AppError('VALIDATION_FAILED', `${label}不存在`);
      if (specialty.depth !== 3) throw new AppError('VALIDATION_FAILED', `${label}请选择到三级学科`);
    }
    return {
      kind: body.kind,
      year: batch?.year ?? Number(beijingDay(clock.now()).slice(0, 4)),
      batch_id: batch?.id ?? null,
      committee_id: batch?.committee_id ?? null,
      series_code: title.series_code,
      title_id: title.id,
      title_level: title.level,
      specialty_studied_id: body.specialtyStudiedId ? Number(body.specialtyStudiedId) : null,
      specialty_practised_id: body.specialtyPractisedId ? Number(body.specialtyPractisedId) : null,
    };
  }

  /** Reads the version the page last saw and moves it on, or says the application changed meanwhile. */
  async function bumpVersion(trx: Db, row: ApplicationRow, seenVersion: number, set: Partial<Record<string, unknown>>) {
    const now = clock.now();
    const updated = await trx
      .updateTable('application')
      .set({ ...set, version: row.version + 1, updated_at: now })
      .where('id', '=', row.id)
      .where('version', '=', seenVersion)
      .returning(['version', 'updated_at'])
      .executeTakeFirst();
    if (!updated) throw new AppError('CONFLICT', '申报内容已在其他页面或由他人修改，请刷新后再操作');
    return updated;
  }

  async function coverOf(row: ApplicationRow) {
    if (row.cover) return row.cover as Application['cover'];
    const [person, unit, title, series, practised, supervisor] = await Promise.all([
      db.selectFrom('applicant').select('name').where('account_id', '=', row.applicant_account_id).executeTakeFirst(),
      row.unit_id ? db.selectFrom('unit').select('name').where('id', '=', row.unit_id).executeTakeFirst() : undefined,
      db.selectFrom('title').select('name').where('id', '=', row.title_id).executeTakeFirst(),
      db.selectFrom('series').select('name').where('code', '=', row.series_code).executeTakeFirst(),
      row.specialty_practised_id
        ? db.selectFrom('specialty').select('name').where('id', '=', row.specialty_practised_id).executeTakeFirst()
        : undefined,
      row.unit_id
        ? db
            .selectFrom('unit_supervisor')
            .innerJoin('supervisor', 'supervisor.id', 'unit_supervisor.supervisor_id')
            .select('supervisor.name')
            .where('unit_supervisor.unit_id', '=', row.unit_id)
            .where('unit_supervisor.is_default', '=', true)
            .where('unit_supervisor.status', '=', 'approved')
            .executeTakeFirst()
        : undefined,
    ]);
    const day = beijingDay(row.submitted_at ?? clock.now());
    return {
      name: person?.name ?? '',
      unitName: unit?.name ?? '',
      supervisorName: supervisor?.name ?? '',
      seriesName: series?.name ?? '',
      titleName: title?.name ?? '',
      specialtyName: practised?.name ?? '',
      filledAt: `${day.slice(0, 4)}年${day.slice(5, 7)}月${day.slice(8, 10)}日`,
    };
  }

  async function attachmentCounts(applicationId: number) {
    const rows = await db
      .selectFrom('attachment')
      .select(['category'])
      .where('application_id', '=', applicationId)
      .execute();
    const counts: Partial<Record<AttachmentCategory, number>> = {};
    for (const r of rows)
      counts[r.category as AttachmentCategory] = (counts[r.category as AttachmentCategory] ?? 0) + 1;
    return counts;
  }

  /** The blocking rules of a submission, beyond the form itself. */
  async function blockers(row: ApplicationRow) {
    const list: CheckResult['blockers'] = [];
    const now = clock.now();
    if (row.kind === 'evaluation' && row.batch_id) {
      const batch = await db
        .selectFrom('committee_batch')
        .select(['opens_at', 'closes_at', 'correction_closes_at'])
        .where('id', '=', row.batch_id)
        .executeTakeFirstOrThrow();
      if (row.status === 'draft') {
        if (now >= batch.closes_at) list.push({ code: 'BATCH_CLOSED', message: '该评委会网报时间已截止，不能提交' });
        else if (now < batch.opens_at) list.push({ code: 'BATCH_NOT_OPEN', message: '该评委会网报尚未开始' });
      } else if (row.status === 'returned' && now >= (batch.correction_closes_at ?? batch.closes_at)) {
        list.push({ code: 'CORRECTION_CLOSED', message: '返回修改的截止时间已过，不能再提交' });
      }
    }
    const unit = row.unit_id ? await findUnit(db, row.unit_id) : undefined;
    if (!unit) list.push({ code: 'NO_UNIT', message: '请先在【个人信息】中选择工作单位' });
    else if (row.status === 'draft') list.push(...(await deps.unitInfo.readiness(unit)).blockers);
    const same = await db
      .selectFrom('application')
      .select('id')
      .where('applicant_account_id', '=', row.applicant_account_id)
      .where('series_code', '=', row.series_code)
      .where('title_level', '=', row.title_level)
      .where('year', '=', row.year)
      .where('status', '!=', 'draft')
      .where('id', '!=', row.id)
      .executeTakeFirst();
    if (same) list.push({ code: 'ALREADY_APPLIED', message: '本年度已申报过该系列该等级，不能重复申报' });
    return list;
  }

  const service = {
    load,
    own,
    whereNow,
    stateOf,

    async listMine(accountId: number) {
      return db
        .selectFrom('application')
        .selectAll()
        .where('applicant_account_id', '=', accountId)
        .orderBy('created_at', 'desc')
        .execute();
    },

    async present(row: ApplicationRow, actor: WorkflowActor): Promise<Application> {
      const [committee, batch, title, studied, practised, unit, files, cover] = await Promise.all([
        row.committee_id
          ? db.selectFrom('committee').select(['id', 'name']).where('id', '=', row.committee_id).executeTakeFirst()
          : undefined,
        row.batch_id
          ? db
              .selectFrom('committee_batch')
              .select(['id', 'year', 'closes_at'])
              .where('id', '=', row.batch_id)
              .executeTakeFirst()
          : undefined,
        db.selectFrom('title').selectAll().where('id', '=', row.title_id).executeTakeFirstOrThrow(),
        row.specialty_studied_id
          ? db
              .selectFrom('specialty')
              .select(['id', 'path_name'])
              .where('id', '=', row.specialty_studied_id)
              .executeTakeFirst()
          : undefined,
        row.specialty_practised_id
          ? db
              .selectFrom('specialty')
              .select(['id', 'path_name'])
              .where('id', '=', row.specialty_practised_id)
              .executeTakeFirst()
          : undefined,
        row.unit_id
          ? db.selectFrom('unit').select(['id', 'name']).where('id', '=', row.unit_id).executeTakeFirst()
          : undefined,
        db
          .selectFrom('attachment')
          .innerJoin('stored_file', 'stored_file.id', 'attachment.stored_file_id')
          .select([
            'attachment.id',
            'attachment.category',
            'stored_file.id as file_id',
            'stored_file.original_name',
            'stored_file.content_type',
            'stored_file.size_bytes',
            'attachment.created_at',
          ])
          .where('attachment.application_id', '=', row.id)
          .orderBy('attachment.id')
          .execute(),
        coverOf(row),
      ]);
      const state = stateOf(row);
      const isOwner = actor.kind === 'applicant' && actor.owns;
      return {
        id: String(row.id),
        kind: row.kind,
        year: row.year,
        status: row.status,
        stage:
          row.status === 'inReview' && row.route && row.stage_index !== null
            ? (row.route[row.stage_index]?.stage ?? null)
            : null,
        whereNow: whereNow(row),
        committee: committee ? { id: String(committee.id), name: committee.name } : null,
        batch: batch ? { id: String(batch.id), year: batch.year, closesAt: batch.closes_at.toISOString() } : null,
        seriesCode: row.series_code,
        title: { id: String(title.id), name: title.name, level: title.level, gradeLabel: title.grade_label },
        specialtyStudied: studied ? { id: String(studied.id), pathName: studied.path_name } : null,
        specialtyPractised: practised ? { id: String(practised.id), pathName: practised.path_name } : null,
        unit: unit ? { id: String(unit.id), name: unit.name } : null,
        cover,
        form: formDataSchema.parse(row.form),
        attachments: files.map((f) => ({
          id: String(f.id),
          category: f.category as AttachmentCategory,
          fileId: String(f.file_id),
          originalName: f.original_name,
          contentType: f.content_type,
          sizeBytes: f.size_bytes,
          uploadedAt: f.created_at.toISOString(),
        })),
        version: row.version,
        returnCount: row.return_count,
        submittedAt: row.submitted_at?.toISOString() ?? null,
        abilities: abilities(state, actor),
        editable: { choices: isOwner && row.status === 'draft', tables: isOwner && tablesEditable(row) },
      };
    },

    /** A new draft: 申报信息 first; the tables start empty. */
    async create(actor: AuditActor & { accountId: number }, body: ApplicationChoicesBody) {
      const person = await db
        .selectFrom('applicant')
        .select(['unit_id'])
        .where('account_id', '=', actor.accountId)
        .executeTakeFirst();
      if (!person) throw notFound('个人信息不存在');
      const choices = await resolveChoices(body);
      return db.transaction().execute(async (trx) => {
        const now = clock.now();
        const row = await trx
          .insertInto('application')
          .values({
            ...choices,
            applicant_account_id: actor.accountId,
            unit_id: person.unit_id,
            status: 'draft',
            form: JSON.stringify(emptyForm()),
            created_at: now,
            updated_at: now,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await appendAudit(trx, actor, now, {
          action: 'application.create',
          objectType: 'application',
          objectId: row.id,
          detail: { kind: body.kind, titleId: body.titleId },
        });
        return row.id;
      });
    },

    /** 申报信息 change only in a draft (after 重置流程 too); the unit is the person's current one. */
    async updateChoices(
      actor: AuditActor & { accountId: number },
      id: number,
      seenVersion: number,
      body: ApplicationChoicesBody,
    ) {
      const row = await own(actor.accountId, id);
      if (row.status !== 'draft')
        throw new AppError(
          'RULE_VIOLATED',
          '已提交的申报不能修改封面和申报信息，需要当前审核部门【重置流程】后方可修改',
        );
      const choices = await resolveChoices(body);
      const person = await db
        .selectFrom('applicant')
        .select('unit_id')
        .where('account_id', '=', actor.accountId)
        .executeTakeFirstOrThrow();
      return db.transaction().execute(async (trx) => {
        const saved = await bumpVersion(trx, row, seenVersion, { ...choices, unit_id: person.unit_id });
        await appendAudit(trx, actor, saved.updated_at, {
          action: 'application.choices.update',
          objectType: 'application',
          objectId: row.id,
        });
        return saved;
      });
    },

    /** Saves one table of a draft or of a returned application; other tables stay as they are. */
    async saveTable(
      actor: AuditActor & { accountId: number },
      id: number,
      table: FormTableKey,
      seenVersion: number,
      data: unknown,
    ) {
      const row = await own(actor.accountId, id);
      if (!tablesEditable(row))
        throw new AppError('RULE_VIOLATED', '申报已提交，需要当前审核部门【返回修改】后方可修改');
      const parsed = formTables[table].parse(data);
      const form = { ...formDataSchema.parse(row.form), [table]: parsed };
      return db
        .transaction()
        .execute(async (trx) => bumpVersion(trx, row, seenVersion, { form: JSON.stringify(form) }));
    },

    async addAttachment(
      actor: AuditActor & { accountId: number },
      id: number,
      category: AttachmentCategory,
      file: { originalName: string; content: Buffer },
    ) {
      const row = await own(actor.accountId, id);
      if (!tablesEditable(row))
        throw new AppError('RULE_VIOLATED', '申报已提交，需要当前审核部门【返回修改】后方可修改附件');
      const stored = await deps.uploads.store({
        ownerAccountId: actor.accountId,
        purpose: 'attachment',
        originalName: file.originalName,
        content: file.content,
      });
      return db.transaction().execute(async (trx) => {
        const now = clock.now();
        const attachment = await trx
          .insertInto('attachment')
          .values({ application_id: row.id, category, stored_file_id: stored.id, created_at: now })
          .returning('id')
          .executeTakeFirstOrThrow();
        await trx
          .updateTable('application')
          .set((eb) => ({ version: eb('version', '+', 1), updated_at: now }))
          .where('id', '=', row.id)
          .execute();
        await appendAudit(trx, actor, now, {
          action: 'attachment.add',
          objectType: 'application',
          objectId: row.id,
          detail: { category, fileId: stored.id },
        });
        return { attachmentId: attachment.id, ...stored };
      });
    },

    async removeAttachment(actor: AuditActor & { accountId: number }, id: number, attachmentId: number) {
      const row = await own(actor.accountId, id);
      if (!tablesEditable(row))
        throw new AppError('RULE_VIOLATED', '申报已提交，需要当前审核部门【返回修改】后方可修改附件');
      await db.transaction().execute(async (trx) => {
        const now = clock.now();
        const removed = await trx
          .deleteFrom('attachment')
          .where('id', '=', attachmentId)
          .where('application_id', '=', row.id)
          .returning(['category', 'stored_file_id'])
          .executeTakeFirst();
        if (!removed) throw notFound('附件不存在');
        await trx
          .updateTable('application')
          .set((eb) => ({ version: eb('version', '+', 1), updated_at: now }))
          .where('id', '=', row.id)
          .execute();
        await appendAudit(trx, actor, now, {
          action: 'attachment.remove',
          objectType: 'application',
          objectId: row.id,
          detail: { category: removed.category, fileId: removed.stored_file_id },
        });
      });
    },

    /** 提交前检查: every missing item by table and attachment category, and every blocking rule. */
    async check(row: ApplicationRow): Promise<CheckResult> {
      const issues = checkApplication(
        {
          kind: row.kind,
          titleLevel: row.title_level,
          hasCommittee: row.committee_id !== null,
          hasSpecialties: row.specialty_studied_id !== null && row.specialty_practised_id !== null,
          form: formDataSchema.parse(row.form),
          attachmentCounts: await attachmentCounts(row.id),
          year: row.year,
        },
        config,
      );
      const blocking = await blockers(row);
      return { issues, blockers: blocking, canSubmit: issues.length === 0 && blocking.length === 0 };
    },

    /**
     * 提交: the route is computed and stored, the workflow moves, the log row and the notices are
     * written, all in one transaction on the locked application.
     */
    async submit(actor: AuditActor & { accountId: number }, id: number, seenVersion: number) {
      const stored = await own(actor.accountId, id);
      const person = await db
        .selectFrom('applicant')
        .select(['name', 'unit_id'])
        .where('account_id', '=', actor.accountId)
        .executeTakeFirstOrThrow();
      // A draft goes to the person's unit as it is now (it may have changed since the draft began).
      const current = stored.status === 'draft' ? { ...stored, unit_id: person.unit_id } : stored;
      const result = await service.check(current);
      if (!result.canSubmit)
        throw new AppError(
          'RULE_VIOLATED',
          result.blockers[0]?.message ?? '申报材料不完整，请按检查结果补充后再提交',
          result,
        );
      const unit = (await findUnit(db, current.unit_id!))!;
      const route =
        current.status === 'draft'
          ? await computeRoute(db, { kind: current.kind, unit, committeeId: current.committee_id })
          : undefined;
      // Read before the transaction: on the embedded database a query outside it would wait for it forever.
      const cover =
        current.status === 'draft' ? await coverOf({ ...current, submitted_at: clock.now() }) : current.cover;

      await db.transaction().execute(async (trx) => {
        const row = await trx
          .selectFrom('application')
          .selectAll()
          .where('id', '=', current.id)
          .forUpdate()
          .executeTakeFirstOrThrow();
        if (row.version !== seenVersion) throw new AppError('CONFLICT', '申报内容已在其他页面修改，请刷新后再提交');
        const moved = next(
          stateOf(row),
          'submit',
          { kind: 'applicant', accountId: actor.accountId, owns: true },
          { route },
        );
        if (!moved.ok) throw new AppError('RULE_VIOLATED', moved.message);
        const now = clock.now();
        const state = moved.state;
        await writeTransition(
          trx,
          row,
          state,
          {
            action: 'submit',
            actorAccountId: actor.accountId,
            actorName: person.name,
            orgKind: 'applicant',
            orgId: actor.accountId,
            orgName: unit.name,
            opinion: '',
          },
          now,
          { unit_id: current.unit_id, cover: JSON.stringify(cover), submitted_at: row.submitted_at ?? now },
        );
        await appendAudit(trx, actor, now, {
          action: 'application.submit',
          objectType: 'application',
          objectId: row.id,
          detail: { stage: state.route?.[state.stageIndex!]?.stage },
        });
        const step = state.route![state.stageIndex!]!;
        await insertMessage(trx, now, {
          recipientAccountId: actor.accountId,
          senderAccountId: null,
          senderKind: 'system',
          content: `您的申报已提交，当前在${reviewStageLabels[step.stage]}（${step.orgName}）。`,
        });
        if (step.holder === 'unit') {
          await insertMessage(trx, now, {
            recipientAccountId: unit.account_id,
            senderAccountId: null,
            senderKind: 'system',
            content: `${person.name} 提交了申报材料，请在【申报审核】中审核。`,
          });
        }
      });
    },
  };
  return service;
}

export type ApplicationService = ReturnType<typeof createApplicationService>;
