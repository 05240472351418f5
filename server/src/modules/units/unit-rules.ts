import { unitInfoRequiredLabels, type UnitLevel, type UnitNature } from '#common';
import type { RegionTable, UnitRow } from '../../db/schema';

/** The required fields of 单位信息 (the * of manual §2.2) that the unit has not filled, by their labels. */
export function missingUnitInfo(
  unit: Pick<UnitRow, 'license_file_id' | 'nature' | 'level' | 'region_code' | 'contact_name' | 'contact_phone'>,
): string[] {
  const missing: string[] = [];
  if (!unit.license_file_id) missing.push(unitInfoRequiredLabels.license);
  if (!unit.nature) missing.push(unitInfoRequiredLabels.nature);
  if (!unit.level) missing.push(unitInfoRequiredLabels.level);
  if (!unit.region_code) missing.push(unitInfoRequiredLabels.region);
  if (!unit.contact_name) missing.push(unitInfoRequiredLabels.contactName);
  if (!unit.contact_phone) missing.push(unitInfoRequiredLabels.contactPhone);
  return missing;
}

/** The rules of manual §2.2 and §7.11 on nature, level and region, as the clerk should read them. */
export function unitInfoRuleProblems(nature: UnitNature, level: UnitLevel, region: RegionTable | undefined): string[] {
  const problems: string[] = [];
  if (nature === 'nonPublic' && level !== 'county') problems.push('非公经济组织单位等级一律选择县区级');
  if (!region) problems.push('行政区域不存在，请重新选择');
  else if (region.level !== 'county') problems.push('行政区域必须选到区县一级（否则将查找人社局失败）');
  return problems;
}

/**
 * Which region's HR bureau first receives the unit's applications: the county's for a 县区级 unit,
 * the city's for a 州市级 one, the province's for a 省级 one. The unit's region is a county.
 */
export function hrBureauRegionCode(level: UnitLevel, countyCode: string): string {
  switch (level) {
    case 'county':
      return countyCode;
    case 'city':
      return `${countyCode.slice(0, 4)}00`;
    case 'province':
      return `${countyCode.slice(0, 2)}0000`;
  }
}
