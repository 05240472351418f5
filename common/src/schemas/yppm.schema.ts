import { z } from 'zod';
import { recordIdSchema } from './fields.schema';

/** 导出到YPPM5.0: the checked applications of a list, at most 200 in one file. */
export const yppmExportBodySchema = z.object({
  ids: z
    .array(recordIdSchema('申报不存在'), { error: '请勾选需要导出的人员' })
    .min(1, '请勾选需要导出的人员')
    .max(200, '一次最多导出200人，请分批导出'),
});
export type YppmExportBody = z.infer<typeof yppmExportBodySchema>;
