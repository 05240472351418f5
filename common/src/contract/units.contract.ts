import { z } from 'zod';
import {
  accountParamsSchema,
  messageBodySchema,
  personPageSchema,
  personQuerySchema,
  temporaryPasswordSchema,
} from '../schemas/applicant.schema';
import { unitRegisterBodySchema, unitSummarySchema } from '../schemas/auth.schema';
import { okSchema } from '../schemas/fields.schema';
import { supervisorSchema } from '../schemas/organisation.schema';
import {
  addSupervisorBodySchema,
  fileRefSchema,
  idParamsSchema,
  keywordQuerySchema,
  openCommitteeSchema,
  unitInfoBodySchema,
  unitInfoSchema,
  unitReadinessSchema,
  unitSupervisorRowSchema,
} from '../schemas/unit-info.schema';
import { endpoint } from './endpoint';

const tags = ['units'];

/** 单位注册, 单位信息, 主管单位 (manual §2) and what a unit looks up. */
export const unitsContract = {
  register: endpoint({
    method: 'POST',
    path: '/units/register',
    tags,
    summary: '单位注册',
    body: unitRegisterBodySchema,
    status: 201,
    response: z.object({ unitId: z.string() }),
  }),
  me: endpoint({ method: 'GET', path: '/units/me', tags, summary: '本单位基本信息', response: unitSummarySchema }),
  info: endpoint({ method: 'GET', path: '/units/me/info', tags, summary: '单位信息', response: unitInfoSchema }),
  saveInfo: endpoint({
    method: 'PUT',
    path: '/units/me/info',
    tags,
    summary: '提交单位信息',
    body: unitInfoBodySchema,
    response: unitInfoSchema,
  }),
  uploadLicense: endpoint({
    method: 'POST',
    path: '/units/me/license',
    tags,
    summary: '上传组织机构代码证或营业执照（PDF、JPG、PNG）',
    upload: true,
    status: 201,
    response: fileRefSchema,
  }),
  readiness: endpoint({
    method: 'GET',
    path: '/units/me/readiness',
    tags,
    summary: '本单位人员能否提交申报，以及原因',
    response: unitReadinessSchema,
  }),
  supervisors: endpoint({
    method: 'GET',
    path: '/units/me/supervisors',
    tags,
    summary: '选择或变更主管单位：列表',
    response: z.array(unitSupervisorRowSchema),
  }),
  addSupervisor: endpoint({
    method: 'POST',
    path: '/units/me/supervisors',
    tags,
    summary: '新增主管部门（待主管部门审核）',
    body: addSupervisorBodySchema,
    status: 201,
    response: okSchema,
  }),
  setDefaultSupervisor: endpoint({
    method: 'POST',
    path: '/units/me/supervisors/:id/default',
    tags,
    summary: '设为默认主管部门',
    params: idParamsSchema,
    response: okSchema,
  }),
  removeSupervisor: endpoint({
    method: 'DELETE',
    path: '/units/me/supervisors/:id',
    tags,
    summary: '删除/移除主管部门',
    params: idParamsSchema,
    response: z.object({ ok: z.literal(true), promotedId: z.string().nullable() }),
  }),
  searchSupervisors: endpoint({
    method: 'GET',
    path: '/supervisors',
    tags,
    summary: '检索主管部门',
    query: keywordQuerySchema,
    response: z.array(supervisorSchema),
  }),
  openCommittees: endpoint({
    method: 'GET',
    path: '/committees/open',
    tags: ['committees'],
    summary: '开评评委会：当前可申报的评委会',
    query: keywordQuerySchema,
    response: z.array(openCommitteeSchema),
  }),
};

const peopleTags = ['people'];

/** 专业技术人员 (manual §3.1): a unit's own people. */
export const peopleContract = {
  list: endpoint({
    method: 'GET',
    path: '/units/me/people',
    tags: peopleTags,
    summary: '专业技术人员',
    query: personQuerySchema,
    response: personPageSchema,
  }),
  message: endpoint({
    method: 'POST',
    path: '/units/me/people/:accountId/message',
    tags: peopleTags,
    summary: '发送消息',
    params: accountParamsSchema,
    body: messageBodySchema,
    response: okSchema,
  }),
  resetPassword: endpoint({
    method: 'POST',
    path: '/units/me/people/:accountId/reset-password',
    tags: peopleTags,
    summary: '重置密码（一次性临时密码，只显示一次）',
    params: accountParamsSchema,
    response: temporaryPasswordSchema,
  }),
  remove: endpoint({
    method: 'POST',
    path: '/units/me/people/:accountId/remove',
    tags: peopleTags,
    summary: '移除',
    params: accountParamsSchema,
    response: okSchema,
  }),
  unlock: endpoint({
    method: 'POST',
    path: '/units/me/people/:accountId/unlock',
    tags: peopleTags,
    summary: '解锁',
    params: accountParamsSchema,
    response: okSchema,
  }),
};
