import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { ZodError } from 'zod';
import { fieldLabel, type ApiErrorBody, type FieldIssue } from '#common';
import { databaseUnavailable } from '../db/unavailable';
import { AppError, BusyError } from '../domain/app-error';

function fieldIssues(issues: readonly { path: readonly PropertyKey[]; message: string }[]): FieldIssue[] {
  return issues.map((issue) => ({
    field: issue.path.map(String).join('.'),
    label: fieldLabel(issue.path),
    message: issue.message,
  }));
}

function validationBody(issues: FieldIssue[]): Omit<ApiErrorBody, 'requestId'> {
  const first = issues[0];
  return {
    code: 'VALIDATION_FAILED',
    message: first ? `${first.label}：${first.message}` : '提交的内容有误',
    details: { issues },
  };
}

/**
 * One place that turns every failure into the error shape of DESIGN.md. Internals of a 5xx go to the
 * log with the request id, never to the client.
 */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | AppError | ZodError, request, reply) => {
    const requestId = request.id;
    const send = (status: number, body: Omit<ApiErrorBody, 'requestId'>, headers?: Record<string, string>) => {
      if (headers) void reply.headers(headers);
      return reply.status(status).send({ ...body, requestId } satisfies ApiErrorBody);
    };

    if (error instanceof AppError) {
      const retry = error instanceof BusyError ? { 'retry-after': String(error.retryAfterSeconds) } : undefined;
      return send(error.statusCode, { code: error.code, message: error.message, details: error.details }, retry);
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      return send(
        400,
        validationBody(
          fieldIssues(
            error.validation.map((v) => ({
              path: v.instancePath.split('/').filter(Boolean),
              message: v.message ?? '格式不正确',
            })),
          ),
        ),
      );
    }
    if (error instanceof ZodError) {
      return send(400, validationBody(fieldIssues(error.issues)));
    }
    if (isResponseSerializationError(error)) {
      request.log.error({ err: error }, 'response did not match its schema');
      return send(500, { code: 'INTERNAL', message: '系统内部错误，请稍后重试或联系平台（请提供请求编号）' });
    }
    const fe = error as FastifyError;
    if (fe.code?.startsWith('FST_CSRF')) {
      return send(403, { code: 'CSRF_INVALID', message: '页面已过期或请求来源不可信，请刷新页面后重试' });
    }
    if (fe.statusCode === 429) {
      return send(429, { code: 'RATE_LIMITED', message: '操作过于频繁，请稍后再试' });
    }
    if (fe.code === 'FST_REQ_FILE_TOO_LARGE') {
      return send(413, { code: 'PAYLOAD_TOO_LARGE', message: '文件过大，请压缩后再上传' });
    }
    if (fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || fe.statusCode === 413) {
      return send(413, { code: 'PAYLOAD_TOO_LARGE', message: '提交的内容过大' });
    }
    if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
      // Malformed JSON, wrong content type and the like: the client's fault, safe to describe.
      return send(fe.statusCode, { code: 'VALIDATION_FAILED', message: '请求格式不正确' });
    }
    // Two changes that waited for each other (the audit chain orders every audited change): PostgreSQL
    // ended one of them, and nothing of it was written.
    if ((error as { code?: unknown }).code === '40P01') {
      request.log.warn({ err: error }, 'deadlock: the change was rolled back');
      return send(409, { code: 'CONFLICT', message: '操作与他人的操作冲突，未保存，请重试' });
    }
    if (databaseUnavailable(error)) {
      request.log.warn({ err: error }, 'database unavailable');
      return send(503, { code: 'UNAVAILABLE', message: '数据库暂不可用，请稍后重试' }, { 'retry-after': '5' });
    }
    request.log.error({ err: error }, 'unhandled error');
    return send(500, { code: 'INTERNAL', message: '系统内部错误，请稍后重试或联系平台（请提供请求编号）' });
  });

  app.setNotFoundHandler((request, reply) =>
    reply
      .status(404)
      .send({ code: 'NOT_FOUND', message: '请求的地址不存在', requestId: request.id } satisfies ApiErrorBody),
  );
}
