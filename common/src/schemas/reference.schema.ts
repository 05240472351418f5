import { z } from 'zod';
import { recordIdSchema } from './fields.schema';
import { regionLevels, titleLevels } from '../enums';

export const regionSchema = z.object({
  code: z.string(),
  name: z.string(),
  fullName: z.string(),
  level: z.enum(regionLevels),
  /** A county has no children: the cascader stops there. */
  leaf: z.boolean(),
});
export type Region = z.infer<typeof regionSchema>;
export const regionQuerySchema = z.object({
  parentCode: z
    .string()
    .regex(/^\d{6}$/, '行政区域代码为6位数字')
    .optional(),
});

export const titleSchema = z.object({
  id: z.string(),
  name: z.string(),
  level: z.enum(titleLevels),
  gradeLabel: z.string(),
});
export const seriesSchema = z.object({ code: z.string(), name: z.string(), titles: z.array(titleSchema) });
export type Series = z.infer<typeof seriesSchema>;

export const specialtySchema = z.object({
  id: z.string(),
  name: z.string(),
  depth: z.number().int(),
  parentId: z.string().nullable(),
  pathName: z.string(),
});
export type Specialty = z.infer<typeof specialtySchema>;
export const specialtyQuerySchema = z.object({
  keyword: z.string().trim().max(50).optional(),
  parentId: recordIdSchema('上级专业不存在').optional(),
  depth: z.coerce.number().int().min(1).max(3).optional(),
});
export type SpecialtyQuery = z.infer<typeof specialtyQuerySchema>;
export const specialtyCreateSchema = z.object({
  parentId: recordIdSchema('上级专业不存在').nullable(),
  name: z.string({ error: '请输入专业名称' }).trim().min(1, '请输入专业名称').max(50, '专业名称不超过50个字'),
});
