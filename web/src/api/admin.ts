import {
  adminContract,
  type AdminUnitQuery,
  type BatchBody,
  type CommitteeBody,
  type OrgKind,
  type ReviewerCreateBody,
} from '#common';
import { clientOf } from './client';

export type { AdminUnitDetail, Paged, Reviewer } from '#common';

const admin = clientOf(adminContract);
const byId = (id: string) => ({ params: { id } });

export const adminApi = {
  units: (query: AdminUnitQuery) => admin.units({ query }),
  unit: (unitId: string) => admin.unit(byId(unitId)),
  /** Manual §1.3, §7.3: a new phone after the licence was checked offline. */
  setUnitPhone: (unitId: string, newPhone: string, reason: string) =>
    admin.setUnitPhone({ ...byId(unitId), body: { newPhone, reason } }),
  unlock: (accountId: string) => admin.unlock({ params: { accountId } }),
  resetReviewerTwoFactor: (accountId: string) => admin.resetReviewerTwoFactor(byId(accountId)),

  supervisors: (keyword?: string) => admin.supervisors({ query: { keyword } }),
  createSupervisor: (body: { name: string; regionCode?: string | null }) => admin.createSupervisor({ body }),
  updateSupervisor: (supervisorId: string, body: { name: string; regionCode?: string | null }) =>
    admin.updateSupervisor({ ...byId(supervisorId), body }),
  /** 停用 (true) / 启用 (false); a used one cannot be deleted, only disabled. */
  setSupervisorDisabled: (supervisorId: string, disabled: boolean) =>
    admin.setSupervisorDisabled({ ...byId(supervisorId), body: { disabled } }),
  deleteSupervisor: (supervisorId: string) => admin.deleteSupervisor(byId(supervisorId)),

  hrBureaus: () => admin.hrBureaus(),
  createHrBureau: (body: { name: string; regionCode: string }) => admin.createHrBureau({ body }),
  updateHrBureau: (bureauId: string, body: { name: string; regionCode: string }) =>
    admin.updateHrBureau({ ...byId(bureauId), body }),
  setHrBureauDisabled: (bureauId: string, disabled: boolean) =>
    admin.setHrBureauDisabled({ ...byId(bureauId), body: { disabled } }),
  deleteHrBureau: (bureauId: string) => admin.deleteHrBureau(byId(bureauId)),

  committees: () => admin.committees(),
  createCommittee: (body: CommitteeBody) => admin.createCommittee({ body }),
  updateCommittee: (committeeId: string, body: CommitteeBody) => admin.updateCommittee({ ...byId(committeeId), body }),
  createBatch: (committeeId: string, body: BatchBody) => admin.createBatch({ ...byId(committeeId), body }),
  updateBatch: (committeeId: string, batchId: string, body: BatchBody) =>
    admin.updateBatch({ params: { id: committeeId, batchId }, body }),
  setBatchDisabled: (committeeId: string, batchId: string, disabled: boolean) =>
    admin.setBatchDisabled({ params: { id: committeeId, batchId }, body: { disabled } }),
  deleteBatch: (committeeId: string, batchId: string) => admin.deleteBatch({ params: { id: committeeId, batchId } }),

  reviewers: (query: { orgKind?: OrgKind; orgId?: string }) => admin.reviewers({ query }),
  createReviewer: (body: ReviewerCreateBody) => admin.createReviewer({ body }),
  resetReviewerPassword: (accountId: string) => admin.resetReviewerPassword(byId(accountId)),
};
