import { z } from 'zod';
import {
  applicantProfileBodySchema,
  applicantProfileSchema,
  applicantRegisterBodySchema,
  chooseUnitBodySchema,
  unitSearchQuerySchema,
  unitSearchRowSchema,
} from '../schemas/applicant.schema';
import { okSchema } from '../schemas/fields.schema';
import { unitReadinessSchema } from '../schemas/unit-info.schema';
import { endpoint } from './endpoint';

const tags = ['applicants'];

/** 个人用户: registering, 个人信息 and 选择单位. */
export const applicantsContract = {
  register: endpoint({
    method: 'POST',
    path: '/applicants/register',
    tags,
    summary: '个人用户注册',
    body: applicantRegisterBodySchema,
    status: 201,
    response: z.object({ accountId: z.string() }),
  }),
  me: endpoint({
    method: 'GET',
    path: '/applicants/me',
    tags,
    summary: '个人信息',
    response: applicantProfileSchema,
  }),
  rename: endpoint({
    method: 'PUT',
    path: '/applicants/me',
    tags,
    summary: '修改个人信息',
    body: applicantProfileBodySchema,
    response: okSchema,
  }),
  searchUnits: endpoint({
    method: 'GET',
    path: '/applicants/unit-search',
    tags,
    summary: '选择单位：按单位名称或统一社会信用代码检索',
    query: unitSearchQuerySchema,
    response: z.array(unitSearchRowSchema),
  }),
  chooseUnit: endpoint({
    method: 'POST',
    path: '/applicants/me/unit',
    tags,
    summary: '选择单位',
    body: chooseUnitBodySchema,
    response: okSchema,
  }),
  /** null while no unit is chosen. */
  unitReadiness: endpoint({
    method: 'GET',
    path: '/applicants/me/unit-readiness',
    tags,
    summary: '所选单位是否允许提交申报，以及原因',
    response: unitReadinessSchema.nullable(),
  }),
};
