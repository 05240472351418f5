import { z } from 'zod';
import { endpoint } from './endpoint';

/** Uploaded files other than an application's attachments (a unit's licence). */
export const filesContract = {
  file: endpoint({
    method: 'GET',
    path: '/files/:id',
    tags: ['files'],
    summary: '查看上传的文件（本人，或平台管理员查看单位的营业执照）',
    // Random ids: a file cannot be found by counting.
    params: z.object({ id: z.uuid({ error: '文件不存在' }) }),
    response: null,
  }),
};
