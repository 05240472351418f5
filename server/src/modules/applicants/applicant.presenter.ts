import { maskPhone } from '#common';
import type { ProfileRow, UnitSearchRow } from './applicant.repository';

export const presentProfile = (row: ProfileRow) => ({
  name: row.name,
  idNumber: row.id_number,
  gender: row.gender,
  birthDate: row.birth_date,
  phoneMasked: row.phone ? maskPhone(row.phone) : '',
  unit: row.unit_id ? { unitId: String(row.unit_id), unitName: row.unit_name! } : null,
});

export const presentUnitSearchRow = (u: UnitSearchRow) => ({
  unitId: String(u.id),
  unitName: u.name,
  creditCode: u.credit_code,
});
