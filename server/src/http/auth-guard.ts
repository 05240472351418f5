import type { FastifyReply, FastifyRequest, onRequestAsyncHookHandler } from 'fastify';
import type { AccountKind } from '#common';
import type { AccountRow } from '../db/schema';
import type { ResolvedSession } from '../modules/auth/session.service';
import { AppError } from '../domain/app-error';

declare module 'fastify' {
  interface FastifyRequest {
    auth: ResolvedSession | null;
    sessionState: 'active' | 'expired' | 'none';
  }
}

export const sessionCookieName = 'zc_session';

/**
 * The route's gate, run as the request arrives (before its body is even validated, so that a caller
 * without the right learns nothing about the route): a session of one of `kinds`. An account with a temporary password may only
 * change it (`allowPasswordChangePending`); one that TWO_FACTOR_REQUIRED names and that has no second factor
 * may only turn it on (`allowTwoFactorPending`).
 */
export interface GuardOptions {
  allowPasswordChangePending?: boolean;
  allowTwoFactorPending?: boolean;
}

export function requireAccount(kinds: readonly AccountKind[], options: GuardOptions = {}): onRequestAsyncHookHandler {
  return async function guard(request: FastifyRequest, _reply: FastifyReply) {
    const account: AccountRow | undefined = request.auth?.account;
    if (!account) {
      throw request.sessionState === 'expired'
        ? new AppError('SESSION_EXPIRED', '登录已超时，请重新登录')
        : new AppError('UNAUTHENTICATED', '请先登录');
    }
    if (!kinds.includes(account.kind)) throw new AppError('FORBIDDEN', '当前账号没有权限进行此操作');
    if (account.must_change_password && !options.allowPasswordChangePending) {
      throw new AppError('PASSWORD_CHANGE_REQUIRED', '请先修改临时密码后再继续操作');
    }
    if (request.auth?.mustEnrolTwoFactor && !options.allowTwoFactorPending) {
      throw new AppError('TWO_FACTOR_REQUIRED', '平台要求本账号开启两步验证，请先在“两步验证”页完成设置');
    }
  };
}

export const anyAccount: readonly AccountKind[] = ['applicant', 'unit', 'reviewer', 'admin', 'expert'];
