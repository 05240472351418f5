import { hrBureauLevelLabels, type UnitReadiness } from '#common';
import type { Db } from '../../db/database';
import type { UnitRow } from '../../db/schema';
import { hrBureauOfRegion } from '../organisations/organisation.repository';
import { findRegion } from '../reference/region.repository';
import { supervisorStatuses } from '../supervision/supervision.repository';
import { hrBureauRegionCode, missingUnitInfo } from './unit-rules';

/** Whether a unit's people may submit (manual §7.6–7.8), and the HR bureau their applications go to first. */
export function createUnitReadiness(db: Db) {
  async function hrBureauFor(unit: UnitRow) {
    if (!unit.level || !unit.region_code) return undefined;
    const region = await findRegion(db, unit.region_code);
    if (!region || region.level !== 'county') return undefined;
    return hrBureauOfRegion(db, hrBureauRegionCode(unit.level, unit.region_code));
  }

  /** Whether the unit's people may submit now, with the messages of manual §7.6–7.8. */
  async function readiness(unit: UnitRow): Promise<UnitReadiness> {
    const blockers: UnitReadiness['blockers'] = [];
    if (missingUnitInfo(unit).length)
      blockers.push({ code: 'UNIT_INFO_INCOMPLETE', message: '单位信息不完整，请联系单位完善' });
    const supervisors = await supervisorStatuses(db, unit.id);
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
  }

  return { hrBureauFor, readiness };
}
