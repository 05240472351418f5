import type { z } from 'zod';
import type { batchBodySchema, committeeBodySchema, hrBureauBodySchema, supervisorBodySchema } from '#common';
import type { Clock } from '../../clock';
import type { Db } from '../../db/database';
import type { AdminActor, UnitActor } from '../../domain/actor';
import { AppError, forbidden, notFound } from '../../domain/app-error';
import { findRegion } from '../reference/region.repository';
import * as organisations from './organisation.repository';
import { presentCommittee, presentHrBureau, presentOpenCommittee, presentSupervisor } from './organisation.presenter';
import { createOrganisationStateService } from './organisation-state.service';
import { assertPlatform, audited, type PlatformActor } from './platform-write';
import { createReviewerAccountService } from './reviewer-account.service';

type SupervisorBody = z.output<typeof supervisorBodySchema>;
type HrBureauBody = z.output<typeof hrBureauBodySchema>;
type CommitteeBody = z.output<typeof committeeBodySchema>;
type BatchBody = z.output<typeof batchBodySchema>;

/**
 * The reviewing organisations the platform admin sets up (主管部门, 人社局, 评委会 and their batches) and
 * their 审核用户, and the lists others pick from (a unit its supervising department, anyone an open committee).
 */
export function createOrganisationService(db: Db, clock: Clock) {
  async function assertRegion(code: string | null | undefined) {
    if (!code) return null;
    const region = await findRegion(db, code);
    if (!region) throw new AppError('VALIDATION_FAILED', '行政区域不存在，请重新选择');
    return region;
  }

  return {
    ...createReviewerAccountService(db, clock),
    ...createOrganisationStateService(db, clock),

    /**
     * 检索主管部门: the admin's list (with the disabled ones, marked), and the list a unit chooses its
     * supervising department from (without them).
     */
    async supervisors(actor: AdminActor | UnitActor, keyword?: string) {
      if (actor.kind !== 'admin' && actor.kind !== 'unit') throw forbidden();
      return (await organisations.listSupervisors(db, keyword, actor.kind === 'unit')).map(presentSupervisor);
    },

    async saveSupervisor(actor: PlatformActor, body: SupervisorBody, id?: number) {
      assertPlatform(actor);
      await assertRegion(body.regionCode);
      return audited(db, clock, actor, '已有同名的主管部门', async (trx, now) => {
        const saved = await organisations.saveSupervisor(
          trx,
          now,
          { name: body.name, region_code: body.regionCode ?? null },
          id,
        );
        if (saved === undefined) throw notFound('主管部门不存在');
        return {
          result: saved,
          audit: {
            action: id ? 'supervisor.update' : 'supervisor.create',
            objectType: 'supervisor',
            objectId: saved,
            detail: { name: body.name },
          },
        };
      });
    },

    async hrBureaus(actor: AdminActor) {
      assertPlatform(actor);
      return (await organisations.listHrBureaus(db)).map(presentHrBureau);
    },

    async saveHrBureau(actor: PlatformActor, body: HrBureauBody, id?: number) {
      assertPlatform(actor);
      const region = await assertRegion(body.regionCode);
      return audited(db, clock, actor, `${region!.full_name} 已有人社局`, async (trx, now) => {
        const saved = await organisations.saveHrBureau(trx, now, { name: body.name, region_code: body.regionCode }, id);
        if (saved === undefined) throw notFound('人社局不存在');
        return {
          result: saved,
          audit: {
            action: id ? 'hrBureau.update' : 'hrBureau.create',
            objectType: 'hrBureau',
            objectId: saved,
            detail: { name: body.name, regionCode: body.regionCode },
          },
        };
      });
    },

    async committees(actor: AdminActor) {
      assertPlatform(actor);
      const now = clock.now();
      return (await organisations.committeesWithBatches(db)).map((c) => presentCommittee(c, now));
    },

    async saveCommittee(actor: PlatformActor, body: CommitteeBody, id?: number) {
      assertPlatform(actor);
      if (!(await organisations.findSeries(db, body.seriesCode)))
        throw new AppError('VALIDATION_FAILED', '职称系列不存在');
      return audited(db, clock, actor, '已有同名的评委会', async (trx, now) => {
        const values = {
          name: body.name,
          series_code: body.seriesCode,
          title_levels: JSON.stringify([...new Set(body.titleLevels)]),
          print_from_stage: body.printFromStage,
          pdf_with_attachments: body.pdfWithAttachments ?? false,
          confirming_bureau_id: body.confirmingBureauId ? Number(body.confirmingBureauId) : null,
          office_review: body.officeReview ?? true,
          group_review: body.groupReview ?? true,
          quorum_num: body.quorumShare?.num ?? 2,
          quorum_den: body.quorumShare?.den ?? 3,
          pass_num: body.passShare?.num ?? 2,
          pass_den: body.passShare?.den ?? 3,
          notice_working_days: body.noticeWorkingDays ?? 5,
          certificate_pattern: body.certificatePattern,
          notice: body.notice,
        };
        const saved = await organisations.saveCommittee(trx, now, values, id);
        if (saved === undefined) throw notFound('评委会不存在');
        return {
          result: saved,
          audit: {
            action: id ? 'committee.update' : 'committee.create',
            objectType: 'committee',
            objectId: saved,
            detail: {
              name: body.name,
              printFromStage: body.printFromStage,
              pdfWithAttachments: body.pdfWithAttachments ?? false,
              confirmingBureauId: body.confirmingBureauId ?? null,
              officeReview: body.officeReview ?? true,
              groupReview: body.groupReview ?? true,
              quorumShare: body.quorumShare,
              passShare: body.passShare,
              noticeWorkingDays: body.noticeWorkingDays,
              certificatePattern: body.certificatePattern,
            },
          },
        };
      });
    },

    async saveBatch(actor: PlatformActor, committeeId: number, body: BatchBody, batchId?: number) {
      assertPlatform(actor);
      if (!(await organisations.findCommittee(db, committeeId))) throw notFound('评委会不存在');
      return audited(db, clock, actor, `该评委会 ${body.year} 年度的批次已存在`, async (trx, now) => {
        const values = {
          year: body.year,
          opens_at: new Date(body.opensAt),
          closes_at: new Date(body.closesAt),
          correction_closes_at: body.correctionClosesAt ? new Date(body.correctionClosesAt) : null,
          notice: body.notice,
        };
        const saved = await organisations.saveBatch(trx, now, committeeId, values, batchId);
        if (saved === undefined) throw notFound('批次不存在');
        return {
          result: saved,
          audit: {
            action: batchId ? 'batch.update' : 'batch.create',
            objectType: 'committeeBatch',
            objectId: saved,
            detail: { committeeId, year: body.year, opensAt: body.opensAt, closesAt: body.closesAt },
          },
        };
      });
    },

    /** 开评评委会 (manual §2.1): the committees whose batch is open now, for anyone signed in. */
    async openCommittees(keyword?: string) {
      return (await organisations.openBatches(db, clock.now(), keyword)).map(presentOpenCommittee);
    },
  };
}

export type OrganisationService = ReturnType<typeof createOrganisationService>;
