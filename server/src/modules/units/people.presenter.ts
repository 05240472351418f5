import { ageOn, maskIdNumber, maskPhone } from '#common';
import type { PersonListRow } from './people.repository';

/** A person as their unit sees them: ID number and phone masked, age on `today`. */
export const presentPerson = (r: PersonListRow, today: Date) => ({
  accountId: String(r.account_id),
  name: r.name,
  gender: r.gender,
  idNumberMasked: maskIdNumber(r.id_number),
  unitName: r.unit_name,
  age: ageOn(new Date(`${r.birth_date}T00:00:00Z`), today),
  phoneMasked: r.phone ? maskPhone(r.phone) : '',
  locked: r.locked_at !== null,
});
