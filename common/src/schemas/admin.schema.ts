import { z } from 'zod';
import { pagedSchema, pageQuerySchema, recordIdSchema } from './fields.schema';

export const adminUnitQuerySchema = z.object({
  keyword: z.string().trim().max(100).optional(),
  locked: z.enum(['true', 'false']).optional(),
  ...pageQuerySchema,
});
export type AdminUnitQuery = z.infer<typeof adminUnitQuerySchema>;

export const adminUnitRowSchema = z.object({
  unitId: z.string(),
  accountId: z.string(),
  unitName: z.string(),
  creditCode: z.string(),
  contactName: z.string(),
  phoneMasked: z.string(),
  locked: z.boolean(),
  lockedAt: z.string().nullable(),
  registeredAt: z.string(),
});
export type AdminUnitRow = z.infer<typeof adminUnitRowSchema>;
export const adminUnitPageSchema = pagedSchema(adminUnitRowSchema);

export const accountIdParamsSchema = z.object({ accountId: recordIdSchema('账号不存在') });
