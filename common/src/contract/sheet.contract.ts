import {
  recordIdParams,
  sheetPdfQuerySchema,
  sheetSchema,
  verificationParamsSchema,
  verificationSchema,
} from '../schemas/sheet.schema';
import { endpoint } from './endpoint';

/** 查看申报表 and 导出PDF (manual §4.2, §7.12), and the public check of a printed copy. */
export const sheetContract = {
  sheet: endpoint({
    method: 'GET',
    path: '/applications/:id/sheet',
    tags: ['sheet'],
    summary: '查看申报表：专业技术职称申报评审表（封面、表一至表十七）',
    params: recordIdParams,
    response: sheetSchema,
  }),
  pdf: endpoint({
    method: 'GET',
    path: '/applications/:id/sheet/pdf',
    tags: ['sheet'],
    summary: '导出PDF：申报评审表（可附附件材料），带核验码和二维码；评委会设置的审核节点之前不能打印',
    params: recordIdParams,
    query: sheetPdfQuerySchema,
    response: null,
  }),
  verification: endpoint({
    method: 'GET',
    path: '/public/verifications/:code',
    tags: ['sheet'],
    summary: '申报表核验（无需登录）：纸质申报表的核验码对应的申报人、申报职称、状态和内容摘要',
    params: verificationParamsSchema,
    response: verificationSchema,
  }),
};
