import type { OrgKind, SupervisorRequestStatus, UnitLevel, UnitNature } from '#common';
import type { Paged } from './admin';
import { http } from './http';

export interface ReviewerOrg {
  orgKind: OrgKind;
  orgId: string;
  orgName: string;
}

export interface UnitRequestRow {
  id: string;
  unitName: string;
  creditCode: string;
  nature: UnitNature | null;
  level: UnitLevel | null;
  regionFullName: string | null;
  contactName: string;
  contactPhoneMasked: string;
  status: SupervisorRequestStatus;
  submittedAt: string;
  decidedAt: string | null;
  opinion: string | null;
}

export interface UnitRequestQuery {
  status?: SupervisorRequestStatus;
  keyword?: string;
  page: number;
  pageSize: number;
}

export const reviewerApi = {
  me: () => http.get<ReviewerOrg>('/reviewer/me'),
  /** 主管单位审核: units that chose this department. */
  unitRequests: (query: UnitRequestQuery) => http.get<Paged<UnitRequestRow>>('/reviewer/unit-requests', { ...query }),
  decide: (id: string, decision: 'approve' | 'reject', opinion: string) =>
    http.post<{ ok: true }>(`/reviewer/unit-requests/${encodeURIComponent(id)}/decision`, { decision, opinion }),
};
