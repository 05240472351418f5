import { yppmExportBodySchema } from '../schemas/yppm.schema';
import { endpoint } from './endpoint';

/** 导出到YPPM5.0 (manual §5): the checked applications as one package for the receiving system. */
export const yppmContract = {
  export: endpoint({
    method: 'POST',
    path: '/exports/yppm',
    tags: ['exports'],
    summary: '导出到YPPM5.0：勾选的申报打包为ZIP（每人的表单数据和申报评审表PDF，附清单和摘要）',
    body: yppmExportBodySchema,
    response: null,
  }),
};
