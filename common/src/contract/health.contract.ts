import { z } from 'zod';
import { endpoint } from './endpoint';

/** For the load balancer and the operators: whether the server can serve. */
export const healthContract = {
  check: endpoint({
    method: 'GET',
    path: '/health',
    tags: ['health'],
    summary: '健康检查：数据库可用时返回 ok',
    response: z.object({ status: z.literal('ok') }),
  }),
};
