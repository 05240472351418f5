import type {
  OpenCommittee,
  PersonRow,
  Supervisor,
  UnitInfo,
  UnitInfoBody,
  UnitReadiness,
  UnitRegisterBody,
  UnitSummary,
  UnitSupervisorRow,
} from '#common';
import type { Paged } from './admin';
import { http } from './http';

export interface FileRef {
  id: string;
  originalName: string;
  contentType: string;
  sizeBytes: number;
}

export interface PeopleQuery {
  keyword?: string;
  unitName?: string;
  page: number;
  pageSize: number;
}

export const unitsApi = {
  register: (body: UnitRegisterBody) => http.post<{ unitId: string }>('/units/register', body),
  me: () => http.get<UnitSummary>('/units/me'),
  /** 单位信息 (manual §2.2). */
  info: () => http.get<UnitInfo>('/units/me/info'),
  saveInfo: (body: UnitInfoBody) => http.put<UnitInfo>('/units/me/info', body),
  uploadLicense: (file: File) => http.upload<FileRef>('/units/me/license', file),
  /** Whether the unit's people may submit, and why not (manual §7.6–7.8). */
  readiness: () => http.get<UnitReadiness>('/units/me/readiness'),

  /** 选择或变更主管单位 (manual §2.3). */
  supervisors: () => http.get<UnitSupervisorRow[]>('/units/me/supervisors'),
  addSupervisor: (supervisorId: string) => http.post<{ ok: true }>('/units/me/supervisors', { supervisorId }),
  setDefaultSupervisor: (id: string) =>
    http.post<{ ok: true }>(`/units/me/supervisors/${encodeURIComponent(id)}/default`),
  removeSupervisor: (id: string) =>
    http.delete<{ ok: true; promotedId: string | null }>(`/units/me/supervisors/${encodeURIComponent(id)}`),
  searchSupervisors: (keyword?: string) => http.get<Supervisor[]>('/supervisors', { keyword }),

  /** 开评评委会: committees with a batch open now (any signed-in account). */
  openCommittees: (keyword?: string) => http.get<OpenCommittee[]>('/committees/open', { keyword }),

  /** 专业技术人员 (manual §3.1). */
  people: (query: PeopleQuery) => http.get<Paged<PersonRow>>('/units/me/people', { ...query }),
  messagePerson: (accountId: string, content: string) =>
    http.post<{ ok: true }>(`/units/me/people/${encodeURIComponent(accountId)}/message`, { content }),
  resetPersonPassword: (accountId: string) =>
    http.post<{ temporaryPassword: string }>(`/units/me/people/${encodeURIComponent(accountId)}/reset-password`),
  removePerson: (accountId: string) =>
    http.post<{ ok: true }>(`/units/me/people/${encodeURIComponent(accountId)}/remove`),
  unlockPerson: (accountId: string) =>
    http.post<{ ok: true }>(`/units/me/people/${encodeURIComponent(accountId)}/unlock`),
};
