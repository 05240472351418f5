import type {
  AdminUnitRow,
  BatchBody,
  Committee,
  CommitteeBody,
  HrBureau,
  OrgKind,
  ReviewerCreateBody,
  Supervisor,
  SupervisorRequestStatus,
  UnitLevel,
  UnitNature,
} from '#common';
import { http } from './http';

export interface Paged<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface AdminUnitQuery {
  keyword?: string;
  locked?: 'true' | 'false';
  page: number;
  pageSize: number;
}

export interface AdminUnitDetail {
  unitId: string;
  accountId: string;
  unitName: string;
  creditCode: string;
  nature: UnitNature | null;
  level: UnitLevel | null;
  regionFullName: string | null;
  contactName: string;
  contactPhone: string;
  phoneMasked: string;
  address: string | null;
  locked: boolean;
  registeredAt: string;
  supervisors: { name: string; isDefault: boolean; status: SupervisorRequestStatus }[];
  /** 组织机构代码证或营业执照, opened through fileUrl(id); null before the unit uploaded one. */
  licenseFileId: string | null;
  licenseFileName: string | null;
}

export interface Reviewer {
  accountId: string;
  username: string;
  displayName: string;
  orgKind: OrgKind;
  orgId: string;
  orgName: string;
  locked: boolean;
}

const id = (value: string) => encodeURIComponent(value);

export const adminApi = {
  units: (query: AdminUnitQuery) => http.get<Paged<AdminUnitRow>>('/admin/units', { ...query }),
  unit: (unitId: string) => http.get<AdminUnitDetail>(`/admin/units/${id(unitId)}`),
  /** Manual §1.3, §7.3: a new phone after the licence was checked offline. */
  setUnitPhone: (unitId: string, newPhone: string, reason: string) =>
    http.post<{ ok: true }>(`/admin/units/${id(unitId)}/phone`, { newPhone, reason }),
  unlock: (accountId: string) => http.post<{ ok: true }>(`/admin/accounts/${id(accountId)}/unlock`),

  supervisors: (keyword?: string) => http.get<Supervisor[]>('/admin/supervisors', { keyword }),
  createSupervisor: (body: { name: string; regionCode?: string | null }) =>
    http.post<{ id: string }>('/admin/supervisors', body),
  updateSupervisor: (supervisorId: string, body: { name: string; regionCode?: string | null }) =>
    http.put<{ id: string }>(`/admin/supervisors/${id(supervisorId)}`, body),
  /** 停用 (true) / 启用 (false); a used one cannot be deleted, only disabled. */
  setSupervisorDisabled: (supervisorId: string, disabled: boolean) =>
    http.put<{ ok: true }>(`/admin/supervisors/${id(supervisorId)}/disabled`, { disabled }),
  deleteSupervisor: (supervisorId: string) => http.delete<{ ok: true }>(`/admin/supervisors/${id(supervisorId)}`),

  hrBureaus: () => http.get<HrBureau[]>('/admin/hr-bureaus'),
  createHrBureau: (body: { name: string; regionCode: string }) => http.post<{ id: string }>('/admin/hr-bureaus', body),
  updateHrBureau: (bureauId: string, body: { name: string; regionCode: string }) =>
    http.put<{ id: string }>(`/admin/hr-bureaus/${id(bureauId)}`, body),
  setHrBureauDisabled: (bureauId: string, disabled: boolean) =>
    http.put<{ ok: true }>(`/admin/hr-bureaus/${id(bureauId)}/disabled`, { disabled }),
  deleteHrBureau: (bureauId: string) => http.delete<{ ok: true }>(`/admin/hr-bureaus/${id(bureauId)}`),

  committees: () => http.get<Committee[]>('/admin/committees'),
  createCommittee: (body: CommitteeBody) => http.post<{ id: string }>('/admin/committees', body),
  updateCommittee: (committeeId: string, body: CommitteeBody) =>
    http.put<{ id: string }>(`/admin/committees/${id(committeeId)}`, body),
  createBatch: (committeeId: string, body: BatchBody) =>
    http.post<{ id: string }>(`/admin/committees/${id(committeeId)}/batches`, body),
  updateBatch: (committeeId: string, batchId: string, body: BatchBody) =>
    http.put<{ id: string }>(`/admin/committees/${id(committeeId)}/batches/${id(batchId)}`, body),
  setBatchDisabled: (committeeId: string, batchId: string, disabled: boolean) =>
    http.put<{ ok: true }>(`/admin/committees/${id(committeeId)}/batches/${id(batchId)}/disabled`, { disabled }),
  deleteBatch: (committeeId: string, batchId: string) =>
    http.delete<{ ok: true }>(`/admin/committees/${id(committeeId)}/batches/${id(batchId)}`),

  reviewers: (query: { orgKind?: OrgKind; orgId?: string }) => http.get<Reviewer[]>('/admin/reviewers', query),
  createReviewer: (body: ReviewerCreateBody) =>
    http.post<Reviewer & { temporaryPassword: string }>('/admin/reviewers', body),
  resetReviewerPassword: (accountId: string) =>
    http.post<{ temporaryPassword: string }>(`/admin/reviewers/${id(accountId)}/reset-password`),
};
