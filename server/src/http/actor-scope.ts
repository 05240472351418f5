import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AccountKind } from '#common';
import type { AccountRow } from '../db/schema';
import type { Actor, ActorOf } from '../domain/actor';
import { AppError } from '../domain/app-error';
import { requireAccount, type GuardOptions } from './auth-guard';

/** Turns a signed-in account into the actor it speaks for (its unit, its organisation). */
export type ActorDirectory = (account: AccountRow, ip: string | null) => Promise<Actor>;

declare module 'fastify' {
  interface FastifyInstance {
    actorDirectory: ActorDirectory;
  }
  interface FastifyRequest {
    actorPromise: Promise<Actor> | null;
  }
}

/** The request's actor, looked up at first use and kept for the rest of the request. */
export function actorOf(request: FastifyRequest): Promise<Actor> {
  const account = request.auth?.account;
  if (!account) throw new AppError('UNAUTHENTICATED', '请先登录');
  request.actorPromise ??= request.server.actorDirectory(account, request.ip);
  return request.actorPromise;
}

export type ApiScope = Parameters<FastifyPluginAsyncZod>[0];
export type ActorGetter<K extends AccountKind> = (request: FastifyRequest) => Promise<ActorOf<K>>;

/**
 * An encapsulated scope whose every route is guarded for `kinds` (as the request arrives, before its
 * body is read); its handlers get the actor typed for those kinds.
 */
export function signedIn<K extends AccountKind>(
  kinds: readonly K[],
  routes: (scope: ApiScope, actor: ActorGetter<K>) => Promise<void> | void,
  options: GuardOptions = {},
): FastifyPluginAsyncZod {
  return async (scope) => {
    scope.addHook('onRequest', requireAccount(kinds, options));
    // The guard above admitted only `kinds`, so the actor is one of them.
    await routes(scope, (request) => actorOf(request) as Promise<ActorOf<K>>);
  };
}
