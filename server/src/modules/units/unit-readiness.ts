import { hrBureauLevelLabels, type UnitReadiness } from '#common';
import type { Db } from '../../db/database';
import type { UnitRow } from '../../db/schema';
import { hrBureauOfRegion } from '../organisations/organisation.repository';
import { findRegion } from '../reference/region.repository';
import { supervisorStatuses } from '../supervision/supervision.repository';
import { hrBureauRegionCode, missingUnitInfo } from './unit-rules';

/** FAQ §7.7: what decides the bureau, and who to ask when the unit's information is right. */
const bureauHint =
  '查找人社局失败：请在【单位信息】中将行政区域选到区县一级，并核对单位等级（县区级单位由所在县区人社局审核，州市级由所在州市人社局审核，省级由省人社厅审核）；如仍失败，说明平台尚未设置该人社局，请联系平台管理员';

/** Whether a unit's people may submit (manual §7.6–7.8), and the HR bureau their applications go to first. */
export function createUnitReadiness(db: Db) {
  async function hrBureauFor(unit: UnitRow) {
    if (!unit.level || !unit.region_code) return undefined;
    const region = await findRegion(db, unit.region_code);
    if (!region || region.level !== 'county') return undefined;
    return hrBureauOfRegion(db, hrBureauRegionCode(unit.level, unit.region_code));
  }

  /**
   * Whether the unit's people may submit now, with the messages of manual §7.6–7.8. An applicant can only
   * ask the unit; the unit itself is told what to do in 【单位信息】 (`reader: 'unit'`).
   */
  async function readiness(unit: UnitRow, reader: 'applicant' | 'unit' = 'applicant'): Promise<UnitReadiness> {
    const blockers: UnitReadiness['blockers'] = [];
    const missing = missingUnitInfo(unit);
    if (missing.length)
      blockers.push({
        code: 'UNIT_INFO_INCOMPLETE',
        message:
          reader === 'unit'
            ? `单位信息不完整（未填写：${missing.join('、')}），请先在【单位信息】中完善`
            : '单位信息不完整，请联系单位完善',
      });
    const supervisors = await supervisorStatuses(db, unit.id);
    if (supervisors.length > 0) {
      const byDefault = supervisors.find((s) => s.is_default);
      if (!byDefault || byDefault.status !== 'approved')
        blockers.push({ code: 'SUPERVISOR_NOT_APPROVED', message: '主管单位审核未通过' });
    }
    const bureau = await hrBureauFor(unit);
    if (!bureau)
      blockers.push({ code: 'HR_BUREAU_NOT_FOUND', message: reader === 'unit' ? bureauHint : '查找人社局失败' });
    return {
      canSubmit: blockers.length === 0,
      blockers,
      hrBureau: bureau
        ? { id: String(bureau.id), name: bureau.name, levelLabel: hrBureauLevelLabels[bureau.level] }
        : null,
    };
  }

  return { hrBureauFor, readiness };
}
