import { z } from 'zod';
import {
  applicationChoicesBodySchema,
  applicationListItemSchema,
  applicationSchema,
  attachmentIdParamsSchema,
  attachmentParamsSchema,
  checkResultSchema,
  savedSchema,
  saveTableBodySchema,
  tableParamsSchema,
  versionBodySchema,
} from '../schemas/application.schema';
import { createdSchema, okSchema } from '../schemas/fields.schema';
import { reviewLogSchema } from '../schemas/review.schema';
import { idParamsSchema } from '../schemas/unit-info.schema';
import { endpoint } from './endpoint';

const tags = ['applications'];

/** 申报评审 / 考核定职: the applicant's applications and the 申报评审表; viewing one (any account it is routed to). */
export const applicationsContract = {
  listMine: endpoint({
    method: 'GET',
    path: '/applications',
    tags,
    summary: '我的申报',
    response: z.array(applicationListItemSchema),
  }),
  create: endpoint({
    method: 'POST',
    path: '/applications',
    tags,
    summary: '新建申报（申报评审或考核定职）',
    body: applicationChoicesBodySchema,
    status: 201,
    response: createdSchema,
  }),
  saveChoices: endpoint({
    method: 'PUT',
    path: '/applications/:id/choices',
    tags,
    summary: '修改申报信息（仅草稿）',
    params: idParamsSchema,
    body: z.intersection(applicationChoicesBodySchema, versionBodySchema),
    response: savedSchema,
  }),
  saveTable: endpoint({
    method: 'PUT',
    path: '/applications/:id/tables/:table',
    tags,
    summary: '保存一张表（草稿或返回修改时）',
    params: tableParamsSchema,
    body: saveTableBodySchema,
    response: savedSchema,
  }),
  upload: endpoint({
    method: 'POST',
    path: '/applications/:id/attachments/:category',
    tags,
    summary: '上传附件（PDF、JPG、PNG）',
    params: attachmentParamsSchema,
    upload: true,
    status: 201,
    response: createdSchema,
  }),
  removeAttachment: endpoint({
    method: 'DELETE',
    path: '/applications/:id/attachments/:attachmentId',
    tags,
    summary: '删除附件',
    params: attachmentIdParamsSchema,
    response: okSchema,
  }),
  check: endpoint({
    method: 'GET',
    path: '/applications/:id/check',
    tags,
    summary: '提交前检查',
    params: idParamsSchema,
    response: checkResultSchema,
  }),
  submit: endpoint({
    method: 'POST',
    path: '/applications/:id/submit',
    tags,
    summary: '提交申报',
    params: idParamsSchema,
    body: versionBodySchema,
    response: applicationSchema,
  }),
  get: endpoint({
    method: 'GET',
    path: '/applications/:id',
    tags,
    summary: '查看申报',
    params: idParamsSchema,
    response: applicationSchema,
  }),
  attachmentFile: endpoint({
    method: 'GET',
    path: '/applications/:id/attachments/:attachmentId/file',
    tags,
    summary: '查看附件',
    params: attachmentIdParamsSchema,
    response: null,
  }),
  reviewLog: endpoint({
    method: 'GET',
    path: '/applications/:id/review-log',
    tags,
    summary: '审核记录（时间线）',
    params: idParamsSchema,
    response: reviewLogSchema,
  }),
};
