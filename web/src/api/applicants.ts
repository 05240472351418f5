import { applicantsContract, type ApplicantRegisterBody } from '#common';
import { clientOf } from './client';

export type { UnitSearchRow } from '#common';

const applicants = clientOf(applicantsContract);

export const applicantsApi = {
  register: (body: ApplicantRegisterBody) => applicants.register({ body }),
  me: () => applicants.me(),
  rename: (name: string) => applicants.rename({ body: { name } }),
  /** 选择单位: by unit name or credit code, at least 2 characters. */
  searchUnits: (keyword: string) => applicants.searchUnits({ query: { keyword } }),
  chooseUnit: (unitId: string) => applicants.chooseUnit({ body: { unitId } }),
  /** Whether the chosen unit lets its people submit (null without a unit). */
  unitReadiness: () => applicants.unitReadiness(),
};
