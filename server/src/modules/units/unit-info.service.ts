import { hrBureauLevelLabels, type UnitInfo, type UnitReadiness } from '#common';
import type { z } from 'zod';
import type { unitInfoBodySchema } from '#common';
import type { Clock } from '../../clock';
import type { Db } from '../../db/database';
import type { UnitRow } from '../../db/schema';
import { AppError, notFound } from '../../domain/app-error';
import { appendAudit } from '../audit/audit.repository';
import type { AuditActor } from '../../domain/actor';
import { findRegion, regionPath } from '../reference/region.repository';
import { findUnitByAccount } from './unit.repository';
import { hrBureauRegionCode, missingUnitInfo, unitInfoRuleProblems } from './unit-rules';

type UnitInfoInput = z.output<typeof unitInfoBodySchema>;

export function createUnitInfoService(db: Db, clock: Clock) {
  async function hrBureauFor(unit: UnitRow) {
    if (!unit.level || !unit.region_code) return undefined;
    const region = await findRegion(db, unit.region_code);
    if (!region || region.level !== 'county') return undefined;
    return db
      .selectFrom('hr_bureau')
      .innerJoin('region', 'region.code', 'hr_bureau.region_code')
      .select(['hr_bureau.id', 'hr_bureau.name', 'region.level'])
      .where('hr_bureau.region_code', '=', hrBureauRegionCode(unit.level, unit.region_code))
      .executeTakeFirst();
  }

  return {
    hrBureauFor,

    async info(unit: UnitRow): Promise<UnitInfo> {
      const [region, path, license] = await Promise.all([
        unit.region_code ? findRegion(db, unit.region_code) : undefined,
        unit.region_code ? regionPath(db, unit.region_code) : [],
        unit.license_file_id
          ? db
              .selectFrom('stored_file')
              .select(['id', 'original_name', 'content_type', 'size_bytes'])
              .where('id', '=', unit.license_file_id)
              .executeTakeFirst()
          : undefined,
      ]);
      const missing = missingUnitInfo(unit);
      return {
        unitId: String(unit.id),
        unitName: unit.name,
        creditCode: unit.credit_code,
        nature: unit.nature,
        level: unit.level,
        region: region ? { code: region.code, fullName: region.full_name, path } : null,
        contactName: unit.contact_name,
        contactPhone: unit.contact_phone,
        fax: unit.fax,
        address: unit.address,
        remark: unit.remark,
        license: license
          ? {
              id: String(license.id),
              originalName: license.original_name,
              contentType: license.content_type,
              sizeBytes: license.size_bytes,
            }
          : null,
        complete: missing.length === 0,
        missing,
      };
    },

    async update(actor: AuditActor & { accountId: number }, unit: UnitRow, input: UnitInfoInput): Promise<void> {
      const region = await findRegion(db, input.regionCode);
      const problems = unitInfoRuleProblems(input.nature, input.level, region);
      if (problems.length) throw new AppError('RULE_VIOLATED', problems.join('；'), { problems });
      const license = await db
        .selectFrom('stored_file')
        .select(['id', 'owner_account_id', 'purpose'])
        .where('id', '=', Number(input.licenseFileId))
        .executeTakeFirst();
      // A unit can only point at a licence it uploaded itself.
      if (!license || license.owner_account_id !== actor.accountId || license.purpose !== 'unitLicense') {
        throw new AppError('VALIDATION_FAILED', '组织机构代码证或营业执照：请重新上传');
      }
      await db.transaction().execute(async (trx) => {
        const now = clock.now();
        await trx
          .updateTable('unit')
          .set({
            license_file_id: license.id,
            nature: input.nature,
            level: input.level,
            region_code: input.regionCode,
            contact_name: input.contactName,
            contact_phone: input.contactPhone,
            fax: input.fax,
            address: input.address,
            remark: input.remark,
            info_updated_at: now,
            updated_at: now,
          })
          .where('id', '=', unit.id)
          .execute();
        await appendAudit(trx, actor, now, {
          action: 'unit.info.update',
          objectType: 'unit',
          objectId: unit.id,
          detail: { nature: input.nature, level: input.level, regionCode: input.regionCode, licenseFileId: license.id },
        });
      });
    },

    /** Whether the unit's people may submit now, with the messages of manual §7.6–7.8. */
    async readiness(unit: UnitRow): Promise<UnitReadiness> {
      const blockers: UnitReadiness['blockers'] = [];
      if (missingUnitInfo(unit).length)
        blockers.push({ code: 'UNIT_INFO_INCOMPLETE', message: '单位信息不完整，请联系单位完善' });
      const supervisors = await db
        .selectFrom('unit_supervisor')
        .select(['status', 'is_default'])
        .where('unit_id', '=', unit.id)
        .execute();
      if (supervisors.length > 0) {
        const byDefault = supervisors.find((s) => s.is_default);
        if (!byDefault || byDefault.status !== 'approved')
          blockers.push({ code: 'SUPERVISOR_NOT_APPROVED', message: '主管单位审核未通过' });
      }
      const bureau = await hrBureauFor(unit);
      if (!bureau) blockers.push({ code: 'HR_BUREAU_NOT_FOUND', message: '查找人社局失败' });
      return {
        canSubmit: blockers.length === 0,
        blockers,
        hrBureau: bureau
          ? { id: String(bureau.id), name: bureau.name, levelLabel: hrBureauLevelLabels[bureau.level] }
          : null,
      };
    },

    async requireOwnUnit(accountId: number): Promise<UnitRow> {
      const unit = await findUnitByAccount(db, accountId);
      if (!unit) throw notFound('单位不存在');
      return unit;
    },
  };
}

export type UnitInfoService = ReturnType<typeof createUnitInfoService>;
