import type { UnitInfo } from '#common';
import type { RegionTable, UnitRow } from '../../db/schema';
import type { StoredFileRow } from '../storage/file.repository';
import type { StoredFile } from '../storage/upload.service';

export const presentUnitSummary = (unit: UnitRow) => ({
  unitId: String(unit.id),
  unitName: unit.name,
  creditCode: unit.credit_code,
  contactName: unit.contact_name,
  contactPhone: unit.contact_phone,
});

/** 单位信息 as its form shows it: the region with its path for the cascader, the licence, what is missing. */
export function presentUnitInfo(
  unit: UnitRow,
  region: { row: RegionTable; path: string[] } | undefined,
  license: StoredFileRow | undefined,
  missing: string[],
): UnitInfo {
  return {
    unitId: String(unit.id),
    unitName: unit.name,
    creditCode: unit.credit_code,
    nature: unit.nature,
    level: unit.level,
    region: region ? { code: region.row.code, fullName: region.row.full_name, path: region.path } : null,
    contactName: unit.contact_name,
    contactPhone: unit.contact_phone,
    fax: unit.fax,
    address: unit.address,
    remark: unit.remark,
    license: license
      ? {
          id: license.public_id,
          originalName: license.original_name,
          contentType: license.content_type,
          sizeBytes: license.size_bytes,
        }
      : null,
    complete: missing.length === 0,
    missing,
  };
}

export const presentFileRef = (file: StoredFile) => ({
  id: file.publicId,
  originalName: file.originalName,
  contentType: file.contentType,
  sizeBytes: file.sizeBytes,
});
