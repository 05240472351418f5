import { maskPhone } from '#common';
import type { RegionTable, UnitRow } from '../../db/schema';
import type { UnitSupervisorListRow } from '../supervision/supervision.repository';
import type { accountContact, AdminUnitListRow, storedFileName } from './admin.repository';

export const presentAdminUnitRow = (r: AdminUnitListRow) => ({
  unitId: String(r.unitId),
  accountId: String(r.accountId),
  unitName: r.name,
  creditCode: r.credit_code,
  contactName: r.contact_name,
  phoneMasked: r.phone ? maskPhone(r.phone) : '',
  locked: r.locked_at !== null,
  lockedAt: r.locked_at?.toISOString() ?? null,
  registeredAt: r.created_at.toISOString(),
});

/**
 * A unit as the platform sees it: its account's phone masked, its supervising departments, and its
 * licence (组织机构代码证或营业执照), which the admin checks before giving it a new phone.
 */
export const presentAdminUnitDetail = (
  unit: UnitRow,
  account: Awaited<ReturnType<typeof accountContact>>,
  region: RegionTable | undefined,
  supervisors: UnitSupervisorListRow[],
  licence: Awaited<ReturnType<typeof storedFileName>>,
) => ({
  unitId: String(unit.id),
  accountId: String(unit.account_id),
  unitName: unit.name,
  creditCode: unit.credit_code,
  nature: unit.nature,
  level: unit.level,
  regionFullName: region?.full_name ?? null,
  contactName: unit.contact_name,
  contactPhone: unit.contact_phone,
  phoneMasked: account.phone ? maskPhone(account.phone) : '',
  address: unit.address,
  locked: account.locked_at !== null,
  registeredAt: unit.created_at.toISOString(),
  supervisors: supervisors.map((x) => ({ name: x.supervisor_name, isDefault: x.is_default, status: x.status })),
  licenseFileId: licence?.public_id ?? null,
  licenseFileName: licence?.original_name ?? null,
});
