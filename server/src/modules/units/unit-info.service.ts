import type { z } from 'zod';
import type { unitInfoBodySchema } from '#common';
import type { Clock } from '../../clock';
import type { Db } from '../../db/database';
import type { UnitActor } from '../../domain/actor';
import { AppError, notFound } from '../../domain/app-error';
import { appendAudit } from '../audit/audit.repository';
import { findRegion, regionPath } from '../reference/region.repository';
import { findStoredFile, findStoredFileByPublicId } from '../storage/file.repository';
import type { UploadService } from '../storage/upload.service';
import { presentFileRef, presentUnitInfo, presentUnitSummary } from './unit.presenter';
import { findUnit, updateUnitInfo } from './unit.repository';
import { createUnitReadiness } from './unit-readiness';
import { missingUnitInfo, unitInfoRuleProblems } from './unit-rules';

type UnitInfoInput = z.output<typeof unitInfoBodySchema>;

/** 单位信息 (manual §2.2): what a unit tells about itself, and whether its people may submit. */
export function createUnitInfoService(db: Db, clock: Clock, deps: { uploads: UploadService }) {
  const { hrBureauFor, readiness } = createUnitReadiness(db);

  /** The unit's row as it is now (the actor carries its id and name only). */
  async function rowOf(actor: UnitActor) {
    const unit = await findUnit(db, actor.unitId);
    if (!unit) throw notFound('单位不存在');
    return unit;
  }

  async function info(actor: UnitActor) {
    const unit = await rowOf(actor);
    const [region, path, license] = await Promise.all([
      unit.region_code ? findRegion(db, unit.region_code) : undefined,
      unit.region_code ? regionPath(db, unit.region_code) : [],
      unit.license_file_id ? findStoredFile(db, unit.license_file_id) : undefined,
    ]);
    return presentUnitInfo(unit, region && { row: region, path }, license, missingUnitInfo(unit));
  }

  return {
    hrBureauFor,
    /** For a unit row at hand (an applicant's unit, an application's unit). */
    readiness,
    ownReadiness: async (actor: UnitActor) => readiness(await rowOf(actor), 'unit'),
    summary: async (actor: UnitActor) => presentUnitSummary(await rowOf(actor)),
    info,

    /** Saves the form and answers 单位信息 as it now stands. */
    async update(actor: UnitActor, input: UnitInfoInput) {
      const region = await findRegion(db, input.regionCode);
      const problems = unitInfoRuleProblems(input.nature, input.level, region);
      if (problems.length) throw new AppError('RULE_VIOLATED', problems.join('；'), { problems });
      const license = await findStoredFileByPublicId(db, input.licenseFileId);
      // A unit can only point at a licence it uploaded itself.
      if (!license || license.owner_account_id !== actor.accountId || license.purpose !== 'unitLicense') {
        throw new AppError('VALIDATION_FAILED', '组织机构代码证或营业执照：请重新上传');
      }
      await db.transaction().execute(async (trx) => {
        const now = clock.now();
        await updateUnitInfo(trx, actor.unitId, now, {
          license_file_id: license.id,
          nature: input.nature,
          level: input.level,
          region_code: input.regionCode,
          contact_name: input.contactName,
          contact_phone: input.contactPhone,
          fax: input.fax,
          address: input.address,
          remark: input.remark,
        });
        await appendAudit(trx, actor, now, {
          action: 'unit.info.update',
          objectType: 'unit',
          objectId: actor.unitId,
          detail: { nature: input.nature, level: input.level, regionCode: input.regionCode, licenseFileId: license.id },
        });
      });
      return info(actor);
    },

    /** The licence the unit uploads before it saves the form (PDF, JPG or PNG, recognised by its content). */
    async uploadLicense(actor: UnitActor, file: { originalName: string; content: Buffer } | undefined) {
      if (!file) throw new AppError('VALIDATION_FAILED', '请选择要上传的文件');
      const stored = await deps.uploads.store({
        ownerAccountId: actor.accountId,
        purpose: 'unitLicense',
        ...file,
      });
      return presentFileRef(stored);
    },
  };
}

export type UnitInfoService = ReturnType<typeof createUnitInfoService>;
