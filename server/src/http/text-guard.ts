import type { FastifyRequest } from 'fastify';
import { fieldLabel, findUnsafeText } from '#common';
import { AppError } from '../domain/app-error';

/**
 * Refuses a request whose path, query or JSON body carries text no field may keep (see
 * common/text-safety.ts), before any schema, service or the database sees it; the answer names the
 * field in Chinese, as a schema's refusal does.
 */
export async function refuseUnsafeText(request: FastifyRequest): Promise<void> {
  for (const part of [request.params, request.query, request.body]) {
    const found = findUnsafeText(part);
    if (!found) continue;
    const label = fieldLabel(found.path);
    throw new AppError('VALIDATION_FAILED', `${label}：${found.problem}`, {
      issues: [{ field: found.path.map(String).join('.'), label, message: found.problem }],
    });
  }
}
