import { okSchema } from '../schemas/fields.schema';
import {
  reviewerOrgSchema,
  supervisorDecisionBodySchema,
  supervisorDeskPageSchema,
  supervisorDeskQuerySchema,
} from '../schemas/organisation.schema';
import { idParamsSchema } from '../schemas/unit-info.schema';
import { endpoint } from './endpoint';

const tags = ['reviewer'];

/** A reviewer's own organisation and 主管单位审核 (manual §2.3). */
export const supervisionContract = {
  me: endpoint({ method: 'GET', path: '/reviewer/me', tags, summary: '审核用户所属机构', response: reviewerOrgSchema }),
  unitRequests: endpoint({
    method: 'GET',
    path: '/reviewer/unit-requests',
    tags,
    summary: '主管单位审核：选择本部门为主管部门的单位',
    query: supervisorDeskQuerySchema,
    response: supervisorDeskPageSchema,
  }),
  decide: endpoint({
    method: 'POST',
    path: '/reviewer/unit-requests/:id/decision',
    tags,
    summary: '审核单位的主管单位申请',
    params: idParamsSchema,
    body: supervisorDecisionBodySchema,
    response: okSchema,
  }),
};
