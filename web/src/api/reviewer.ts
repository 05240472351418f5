import { supervisionContract, type SupervisorDeskQuery } from '#common';
import { clientOf } from './client';

export type { ReviewerOrg, SupervisorDeskRow as UnitRequestRow } from '#common';

const supervision = clientOf(supervisionContract);

export const reviewerApi = {
  me: () => supervision.me(),
  /** 主管单位审核: units that chose this department. */
  unitRequests: (query: SupervisorDeskQuery) => supervision.unitRequests({ query }),
  decide: (id: string, decision: 'approve' | 'reject', opinion: string) =>
    supervision.decide({ params: { id }, body: { decision, opinion } }),
};
