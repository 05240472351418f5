import { z } from 'zod';
import { errorCodes, type ErrorCode } from '../errors';

const codes = Object.keys(errorCodes) as [ErrorCode, ...ErrorCode[]];

export const apiErrorSchema = z.object({
  code: z.enum(codes),
  message: z.string(),
  requestId: z.string().optional(),
  details: z.unknown().optional(),
});
