import type { z } from 'zod';
import type {
  batchBodySchema,
  committeeBodySchema,
  hrBureauBodySchema,
  ReviewerCreateBody,
  supervisorBodySchema,
} from '#common';
import type { Clock } from '../../clock';
import type { Db } from '../../db/database';
import { uniqueViolation } from '../../db/unique-violation';
import { AppError, notFound } from '../../domain/app-error';
import { appendAudit } from '../audit/audit.repository';
import type { AuditActor } from '../../domain/actor';
import { generatePassword } from '../auth/password-generator';
import { hashPassword } from '../auth/password-hasher';
import { findRegion } from '../reference/region.repository';

type SupervisorBody = z.output<typeof supervisorBodySchema>;
type HrBureauBody = z.output<typeof hrBureauBodySchema>;
type CommitteeBody = z.output<typeof committeeBodySchema>;
type BatchBody = z.output<typeof batchBodySchema>;

/** Runs a write with its audit row, and turns a broken unique constraint into a message a clerk understands. */
async function audited<T>(
  db: Db,
  clock: Clock,
  actor: AuditActor,
  duplicate: string,
  write: (trx: Db, now: Date) => Promise<{ result: T; audit: Parameters<typeof appendAudit>[3] }>,
): Promise<T> {
  try {
    return await db.transaction().execute(async (trx) => {
      const now = clock.now();
      const { result, audit } = await write(trx, now);
      await appendAudit(trx, actor, now, audit);
      return result;
    });
  } catch (error) {
    if (uniqueViolation(error) !== null) throw new AppError('CONFLICT', duplicate);
    throw error;
  }
}

export function createOrganisationService(db: Db, clock: Clock) {
  async function assertRegion(code: string | null | undefined) {
    if (!code) return null;
    const region = await findRegion(db, code);
    if (!region) throw new AppError('VALIDATION_FAILED', '行政区域不存在，请重新选择');
    return region;
  }

  return {
    async saveSupervisor(actor: AuditActor, body: SupervisorBody, id?: number) {
      await assertRegion(body.regionCode);
      return audited(db, clock, actor, '已有同名的主管部门', async (trx, now) => {
        const values = { name: body.name, region_code: body.regionCode ?? null, updated_at: now };
        const row = id
          ? await trx.updateTable('supervisor').set(values).where('id', '=', id).returning('id').executeTakeFirst()
          : await trx
              .insertInto('supervisor')
              .values({ ...values, created_at: now })
              .returning('id')
              .executeTakeFirstOrThrow();
        if (!row) throw notFound('主管部门不存在');
        return {
          result: row.id,
          audit: {
            action: id ? 'supervisor.update' : 'supervisor.create',
            objectType: 'supervisor',
            objectId: row.id,
            detail: { name: body.name },
          },
        };
      });
    },

    async saveHrBureau(actor: AuditActor, body: HrBureauBody, id?: number) {
      const region = await assertRegion(body.regionCode);
      return audited(db, clock, actor, `${region!.full_name} 已有人社局`, async (trx, now) => {
        const values = { name: body.name, region_code: body.regionCode, updated_at: now };
        const row = id
          ? await trx.updateTable('hr_bureau').set(values).where('id', '=', id).returning('id').executeTakeFirst()
          : await trx
              .insertInto('hr_bureau')
              .values({ ...values, created_at: now })
              .returning('id')
              .executeTakeFirstOrThrow();
        if (!row) throw notFound('人社局不存在');
        return {
          result: row.id,
          audit: {
            action: id ? 'hrBureau.update' : 'hrBureau.create',
            objectType: 'hrBureau',
            objectId: row.id,
            detail: { name: body.name, regionCode: body.regionCode },
          },
        };
      });
    },

    async saveCommittee(actor: AuditActor, body: CommitteeBody, id?: number) {
      const series = await db
        .selectFrom('series')
        .select('code')
        .where('code', '=', body.seriesCode)
        .executeTakeFirst();
      if (!series) throw new AppError('VALIDATION_FAILED', '职称系列不存在');
      return audited(db, clock, actor, '已有同名的评委会', async (trx, now) => {
        const values = {
          name: body.name,
          series_code: body.seriesCode,
          title_levels: JSON.stringify([...new Set(body.titleLevels)]),
          print_from_stage: body.printFromStage,
          notice: body.notice,
          updated_at: now,
        };
        const row = id
          ? await trx.updateTable('committee').set(values).where('id', '=', id).returning('id').executeTakeFirst()
          : await trx
              .insertInto('committee')
              .values({ ...values, created_at: now })
              .returning('id')
              .executeTakeFirstOrThrow();
        if (!row) throw notFound('评委会不存在');
        return {
          result: row.id,
          audit: {
            action: id ? 'committee.update' : 'committee.create',
            objectType: 'committee',
            objectId: row.id,
            detail: { name: body.name, printFromStage: body.printFromStage },
          },
        };
      });
    },

    async saveBatch(actor: AuditActor, committeeId: number, body: BatchBody, batchId?: number) {
      const committee = await db.selectFrom('committee').select('id').where('id', '=', committeeId).executeTakeFirst();
      if (!committee) throw notFound('评委会不存在');
      return audited(db, clock, actor, `该评委会 ${body.year} 年度的批次已存在`, async (trx, now) => {
        const values = {
          year: body.year,
          opens_at: new Date(body.opensAt),
          closes_at: new Date(body.closesAt),
          correction_closes_at: body.correctionClosesAt ? new Date(body.correctionClosesAt) : null,
          notice: body.notice,
          updated_at: now,
        };
        const row = batchId
          ? await trx
              .updateTable('committee_batch')
              .set(values)
              .where('id', '=', batchId)
              .where('committee_id', '=', committeeId)
              .returning('id')
              .executeTakeFirst()
          : await trx
              .insertInto('committee_batch')
              .values({ ...values, committee_id: committeeId, created_at: now })
              .returning('id')
              .executeTakeFirstOrThrow();
        if (!row) throw notFound('批次不存在');
        return {
          result: row.id,
          audit: {
            action: batchId ? 'batch.update' : 'batch.create',
            objectType: 'committeeBatch',
            objectId: row.id,
            detail: { committeeId, year: body.year, opensAt: body.opensAt, closesAt: body.closesAt },
          },
        };
      });
    },

    /** A 审核用户 of one organisation, with a one-time password the admin hands over; it must be changed at first login. */
    async createReviewer(actor: AuditActor, body: ReviewerCreateBody) {
      const orgId = Number(body.orgId);
      const table = ({ supervisor: 'supervisor', hrBureau: 'hr_bureau', committee: 'committee' } as const)[
        body.orgKind
      ];
      const org = await db.selectFrom(table).select(['id', 'name']).where('id', '=', orgId).executeTakeFirst();
      if (!org) throw notFound('机构不存在');
      const temporaryPassword = generatePassword();
      const passwordHash = await hashPassword(temporaryPassword);
      const accountId = await audited(
        db,
        clock,
        actor,
        body.phone ? '该用户名或手机号已被使用' : '该用户名已被使用',
        async (trx, now) => {
          const account = await trx
            .insertInto('account')
            .values({
              kind: 'reviewer',
              login_name: body.username,
              display_name: body.displayName,
              phone: body.phone ?? null,
              password_hash: passwordHash,
              must_change_password: true,
              password_changed_at: now,
              created_at: now,
              updated_at: now,
            })
            .returning('id')
            .executeTakeFirstOrThrow();
          await trx
            .insertInto('reviewer')
            .values({
              account_id: account.id,
              org_kind: body.orgKind,
              supervisor_id: body.orgKind === 'supervisor' ? orgId : null,
              hr_bureau_id: body.orgKind === 'hrBureau' ? orgId : null,
              committee_id: body.orgKind === 'committee' ? orgId : null,
            })
            .execute();
          return {
            result: account.id,
            audit: {
              action: 'reviewer.create',
              objectType: 'account',
              objectId: account.id,
              detail: { username: body.username, orgKind: body.orgKind, orgId },
            },
          };
        },
      );
      return { accountId, temporaryPassword, orgName: org.name };
    },

    /** A new one-time password for a reviewer who lost theirs. */
    async resetReviewerPassword(actor: AuditActor, accountId: number) {
      const reviewer = await db
        .selectFrom('reviewer')
        .select('account_id')
        .where('account_id', '=', accountId)
        .executeTakeFirst();
      if (!reviewer) throw notFound('审核用户不存在');
      const temporaryPassword = generatePassword();
      const passwordHash = await hashPassword(temporaryPassword);
      await audited(db, clock, actor, '', async (trx, now) => {
        await trx
          .updateTable('account')
          .set({ password_hash: passwordHash, must_change_password: true, password_changed_at: now, updated_at: now })
          .where('id', '=', accountId)
          .execute();
        await trx
          .updateTable('session')
          .set({ ended_at: now })
          .where('account_id', '=', accountId)
          .where('ended_at', 'is', null)
          .execute();
        return {
          result: null,
          audit: { action: 'reviewer.password.reset', objectType: 'account', objectId: accountId },
        };
      });
      return temporaryPassword;
    },
  };
}

export type OrganisationService = ReturnType<typeof createOrganisationService>;
