import { idParamsSchema } from '../schemas/unit-info.schema';
import { endpoint } from './endpoint';

/** Uploaded files other than an application's attachments (a unit's licence). */
export const filesContract = {
  file: endpoint({
    method: 'GET',
    path: '/files/:id',
    tags: ['files'],
    summary: '查看上传的文件（本人或平台管理员）',
    params: idParamsSchema,
    response: null,
  }),
};
