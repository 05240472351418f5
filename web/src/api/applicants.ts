import type { ApplicantProfile, ApplicantRegisterBody, UnitReadiness } from '#common';
import { http } from './http';

export interface UnitSearchRow {
  unitId: string;
  unitName: string;
  creditCode: string;
}

export const applicantsApi = {
  register: (body: ApplicantRegisterBody) => http.post<{ accountId: string }>('/applicants/register', body),
  me: () => http.get<ApplicantProfile>('/applicants/me'),
  rename: (name: string) => http.put<{ ok: true }>('/applicants/me', { name }),
  /** 选择单位: by unit name or credit code, at least 2 characters. */
  searchUnits: (keyword: string) => http.get<UnitSearchRow[]>('/applicants/unit-search', { keyword }),
  chooseUnit: (unitId: string) => http.post<{ ok: true }>('/applicants/me/unit', { unitId }),
  /** Whether the chosen unit lets its people submit (null without a unit). */
  unitReadiness: () => http.get<UnitReadiness | null>('/applicants/me/unit-readiness'),
};
