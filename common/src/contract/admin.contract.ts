import { z } from 'zod';
import { accountIdParamsSchema, adminUnitPageSchema, adminUnitQuerySchema } from '../schemas/admin.schema';
import { temporaryPasswordSchema } from '../schemas/applicant.schema';
import { createdSchema, okSchema } from '../schemas/fields.schema';
import {
  adminSetPhoneBodySchema,
  adminUnitDetailSchema,
  batchBodySchema,
  batchParamsSchema,
  committeeBodySchema,
  committeeSchema,
  disabledBodySchema,
  hrBureauBodySchema,
  hrBureauSchema,
  reviewerCreateBodySchema,
  reviewerCreatedSchema,
  reviewerQuerySchema,
  reviewerSchema,
  supervisorBodySchema,
  supervisorSchema,
} from '../schemas/organisation.schema';
import { idParamsSchema, keywordQuerySchema } from '../schemas/unit-info.schema';
import { endpoint } from './endpoint';

const tags = ['admin'];

/** 停用/启用 and 删除 of one organisation: the body says which, the server says whether it may. */
function stateEndpoints<const P extends string>(path: P, what: string) {
  return {
    disable: endpoint({
      method: 'PUT',
      path: `${path}/:id/disabled`,
      tags,
      summary: `停用或启用${what}`,
      params: idParamsSchema,
      body: disabledBodySchema,
      response: okSchema,
    }),
    remove: endpoint({
      method: 'DELETE',
      path: `${path}/:id`,
      tags,
      summary: `删除${what}（已被使用的不能删除，可以停用）`,
      params: idParamsSchema,
      response: okSchema,
    }),
  };
}

const supervisorState = stateEndpoints('/admin/supervisors', '主管部门');
const hrBureauState = stateEndpoints('/admin/hr-bureaus', '人社局');

/** The platform admin's pages: 单位管理, the reviewer organisations, their batches and accounts. */
export const adminContract = {
  units: endpoint({
    method: 'GET',
    path: '/admin/units',
    tags,
    summary: '单位管理：查询单位',
    query: adminUnitQuerySchema,
    response: adminUnitPageSchema,
  }),
  unit: endpoint({
    method: 'GET',
    path: '/admin/units/:id',
    tags,
    summary: '单位管理：单位详情',
    params: idParamsSchema,
    response: adminUnitDetailSchema,
  }),
  setUnitPhone: endpoint({
    method: 'POST',
    path: '/admin/units/:id/phone',
    tags,
    summary: '为密码和手机号同时丢失的单位设置新手机号（线下核验营业执照后）',
    params: idParamsSchema,
    body: adminSetPhoneBodySchema,
    response: okSchema,
  }),
  unlock: endpoint({
    method: 'POST',
    path: '/admin/accounts/:accountId/unlock',
    tags,
    summary: '解锁账号',
    params: accountIdParamsSchema,
    response: okSchema,
  }),

  supervisors: endpoint({
    method: 'GET',
    path: '/admin/supervisors',
    tags,
    summary: '主管部门列表',
    query: keywordQuerySchema,
    response: z.array(supervisorSchema),
  }),
  createSupervisor: endpoint({
    method: 'POST',
    path: '/admin/supervisors',
    tags,
    summary: '新增主管部门',
    body: supervisorBodySchema,
    status: 201,
    response: createdSchema,
  }),
  updateSupervisor: endpoint({
    method: 'PUT',
    path: '/admin/supervisors/:id',
    tags,
    summary: '修改主管部门',
    params: idParamsSchema,
    body: supervisorBodySchema,
    response: createdSchema,
  }),
  setSupervisorDisabled: supervisorState.disable,
  deleteSupervisor: supervisorState.remove,

  hrBureaus: endpoint({
    method: 'GET',
    path: '/admin/hr-bureaus',
    tags,
    summary: '人社局列表',
    response: z.array(hrBureauSchema),
  }),
  createHrBureau: endpoint({
    method: 'POST',
    path: '/admin/hr-bureaus',
    tags,
    summary: '新增人社局（县区、州市或省）',
    body: hrBureauBodySchema,
    status: 201,
    response: createdSchema,
  }),
  updateHrBureau: endpoint({
    method: 'PUT',
    path: '/admin/hr-bureaus/:id',
    tags,
    summary: '修改人社局',
    params: idParamsSchema,
    body: hrBureauBodySchema,
    response: createdSchema,
  }),
  setHrBureauDisabled: hrBureauState.disable,
  deleteHrBureau: hrBureauState.remove,

  committees: endpoint({
    method: 'GET',
    path: '/admin/committees',
    tags,
    summary: '评委会及其年度批次',
    response: z.array(committeeSchema),
  }),
  createCommittee: endpoint({
    method: 'POST',
    path: '/admin/committees',
    tags,
    summary: '新增评委会',
    body: committeeBodySchema,
    status: 201,
    response: createdSchema,
  }),
  updateCommittee: endpoint({
    method: 'PUT',
    path: '/admin/committees/:id',
    tags,
    summary: '修改评委会',
    params: idParamsSchema,
    body: committeeBodySchema,
    response: createdSchema,
  }),
  createBatch: endpoint({
    method: 'POST',
    path: '/admin/committees/:id/batches',
    tags,
    summary: '新增年度批次（网报时间）',
    params: idParamsSchema,
    body: batchBodySchema,
    status: 201,
    response: createdSchema,
  }),
  updateBatch: endpoint({
    method: 'PUT',
    path: '/admin/committees/:id/batches/:batchId',
    tags,
    summary: '修改年度批次',
    params: batchParamsSchema,
    body: batchBodySchema,
    response: createdSchema,
  }),
  setBatchDisabled: endpoint({
    method: 'PUT',
    path: '/admin/committees/:id/batches/:batchId/disabled',
    tags,
    summary: '停用或启用年度批次',
    params: batchParamsSchema,
    body: disabledBodySchema,
    response: okSchema,
  }),
  deleteBatch: endpoint({
    method: 'DELETE',
    path: '/admin/committees/:id/batches/:batchId',
    tags,
    summary: '删除年度批次（已有申报的不能删除，可以停用）',
    params: batchParamsSchema,
    response: okSchema,
  }),

  reviewers: endpoint({
    method: 'GET',
    path: '/admin/reviewers',
    tags,
    summary: '审核用户列表',
    query: reviewerQuerySchema,
    response: z.array(reviewerSchema),
  }),
  createReviewer: endpoint({
    method: 'POST',
    path: '/admin/reviewers',
    tags,
    summary: '新增审核用户（返回一次性密码，首次登录须修改）',
    body: reviewerCreateBodySchema,
    status: 201,
    response: reviewerCreatedSchema,
  }),
  resetReviewerPassword: endpoint({
    method: 'POST',
    path: '/admin/reviewers/:id/reset-password',
    tags,
    summary: '重置审核用户密码（一次性密码）',
    params: idParamsSchema,
    response: temporaryPasswordSchema,
  }),
  resetReviewerTwoFactor: endpoint({
    method: 'POST',
    path: '/admin/reviewers/:id/reset-two-factor',
    tags,
    summary: '重置审核用户的两步验证（其手机丢失时；该用户下次登录后重新开启）',
    params: idParamsSchema,
    response: okSchema,
  }),
};
