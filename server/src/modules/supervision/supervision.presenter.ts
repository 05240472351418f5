import { maskPhone } from '#common';
import type { DeskRow, UnitSupervisorListRow } from './supervision.repository';

/** A unit's choice of supervising department, as the unit sees it. */
export const presentChoice = (r: UnitSupervisorListRow) => ({
  id: String(r.id),
  supervisorId: String(r.supervisor_id),
  supervisorName: r.supervisor_name,
  isDefault: r.is_default,
  status: r.status,
  submittedAt: r.submitted_at.toISOString(),
  decidedAt: r.decided_at?.toISOString() ?? null,
  opinion: r.opinion,
});

/** A unit's request on the department's desk; the contact phone is masked. */
export const presentDeskRow = (r: DeskRow) => ({
  id: String(r.id),
  unitName: r.name,
  creditCode: r.credit_code,
  nature: r.nature,
  level: r.level,
  regionFullName: r.region_full_name,
  contactName: r.contact_name,
  contactPhoneMasked: maskPhone(r.contact_phone),
  status: r.status,
  submittedAt: r.submitted_at.toISOString(),
  decidedAt: r.decided_at?.toISOString() ?? null,
  opinion: r.opinion,
});
