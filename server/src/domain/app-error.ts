import { errorCodes, type ErrorCode } from '#common';

/** A refusal the user can act on: it carries its code, a Chinese message and optional details. */
export class AppError extends Error {
  readonly statusCode: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.statusCode = errorCodes[code];
  }
}

export const notFound = (message = '访问的内容不存在或无权查看') => new AppError('NOT_FOUND', message);
export const forbidden = (message = '没有权限进行此操作') => new AppError('FORBIDDEN', message);

/**
 * 系统繁忙: the server is past its capacity and did not start the request. The answer tells the client
 * when to try again (Retry-After), so that the crowd comes back spread out instead of all at once.
 */
export class BusyError extends AppError {
  constructor(readonly retryAfterSeconds: number) {
    super('UNAVAILABLE', '系统繁忙，请稍后再试');
  }
}
