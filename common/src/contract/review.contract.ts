import {
  decisionBodySchema,
  decisionResultSchema,
  reviewExportOptionsSchema,
  reviewExportQuerySchema,
  reviewPageSchema,
  reviewQuerySchema,
  reviewSummarySchema,
  unitOpinionBodySchema,
  unitOpinionSchema,
} from '../schemas/review.schema';
import { idParamsSchema } from '../schemas/unit-info.schema';
import { endpoint } from './endpoint';

const tags = ['review'];

/** 申报审核 and 审核记录: what units and reviewers see and decide (manual §4, §5). */
export const reviewContract = {
  summary: endpoint({
    method: 'GET',
    path: '/review/summary',
    tags,
    summary: '首页：本环节待审核的申报（按环节、按评委会）与最近的截止时间',
    response: reviewSummarySchema,
  }),
  desk: endpoint({
    method: 'GET',
    path: '/review/desk',
    tags,
    summary: '申报审核：在本环节等待审核的申报',
    query: reviewQuerySchema,
    response: reviewPageSchema,
  }),
  records: endpoint({
    method: 'GET',
    path: '/review/records',
    tags,
    summary: '审核记录：本单位/本机构审核过的申报',
    query: reviewQuerySchema,
    response: reviewPageSchema,
  }),
  deskExport: endpoint({
    method: 'GET',
    path: '/review/desk/export',
    tags,
    summary: '导出评审名单（申报审核，按当前筛选条件，xlsx）',
    query: reviewExportQuerySchema,
    response: null,
  }),
  recordsExport: endpoint({
    method: 'GET',
    path: '/review/records/export',
    tags,
    summary: '导出评审名单（审核记录，按当前筛选条件，xlsx）',
    query: reviewExportQuerySchema,
    response: null,
  }),
  exportOptions: endpoint({
    method: 'GET',
    path: '/review/export-options',
    tags,
    summary: '导出评审名单：本账号能否导出完整的身份证号和手机号',
    response: reviewExportOptionsSchema,
  }),
  decide: endpoint({
    method: 'POST',
    path: '/review/decisions',
    tags,
    summary: '审核：通过 / 不通过 / 返回修改 / 重置流程（可勾选多人）',
    body: decisionBodySchema,
    response: decisionResultSchema,
  }),
  unitOpinion: endpoint({
    method: 'GET',
    path: '/review/applications/:id/unit-opinion',
    tags,
    summary: '基层意见（表十二）',
    params: idParamsSchema,
    response: unitOpinionSchema,
  }),
  saveUnitOpinion: endpoint({
    method: 'PUT',
    path: '/review/applications/:id/unit-opinion',
    tags,
    summary: '保存基层意见（表十二，1000字以内）',
    params: idParamsSchema,
    body: unitOpinionBodySchema,
    response: unitOpinionSchema,
  }),
};
