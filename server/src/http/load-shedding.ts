import underPressure from '@fastify/under-pressure';
import type { FastifyBaseLogger, FastifyInstance, FastifyRequest } from 'fastify';
import type { LoadLimits } from '../config';
import { BusyError } from '../domain/app-error';

/** Requests waiting for a database connection now; none for the embedded database (it has no pool). */
export type DatabaseWaiting = () => number;

/**
 * /api/health keeps answering whether the database answers: a busy server is still a healthy one, and
 * a load balancer that took every busy server out would send the whole crowd to the last one standing.
 */
const exempt = (request: FastifyRequest) => request.routeOptions.url === '/api/health';

/** One line in the log when shedding starts, not one a refused request. */
function shedLogger(log: FastifyBaseLogger) {
  let lastAt = 0;
  return (cause: string, value: number | undefined) => {
    const now = Date.now();
    if (now - lastAt < 10_000) return;
    lastAt = now;
    log.warn({ cause, value }, 'server past its capacity: answering 503 系统繁忙 with Retry-After');
  };
}

/**
 * Past capacity a request is answered 503 系统繁忙 with Retry-After at once, before it reads a session or
 * takes a connection, instead of queueing until the client times out: people on the deadline day get a
 * page that tells them to try again, and the requests already admitted finish in time.
 *
 * What saturates first depends on the work: JSON and form checks load the event loop (its delay and
 * utilisation, sampled each second by @fastify/under-pressure); saves and submissions queue for the
 * PostgreSQL pool, whose waiting count is read at every request; password hashing (login) queues on the
 * thread pool and is bounded where it runs (auth/password-hasher). Register before any other onRequest hook.
 */
export async function registerLoadShedding(
  app: FastifyInstance,
  limits: LoadLimits,
  databaseWaiting: DatabaseWaiting | undefined,
): Promise<void> {
  const logShed = shedLogger(app.log);
  await app.register(underPressure, {
    maxEventLoopDelay: limits.maxEventLoopDelayMs,
    maxEventLoopUtilization: limits.maxEventLoopUtilization,
    // The last second's utilisation; the default ('cumulative') averages since the start, which a long
    // quiet night would keep low through any overload.
    eventLoopUtilizationMode: 'interval',
    sampleInterval: 1000,
    pressureHandler: (request, _reply, type, value) => {
      if (exempt(request)) return;
      logShed(type, value);
      return Promise.reject(new BusyError(limits.retryAfterSeconds));
    },
  });

  const maxWaiting = limits.maxDatabaseWaiting;
  if (!databaseWaiting || maxWaiting <= 0) return;
  app.addHook('onRequest', async (request) => {
    const waiting = databaseWaiting();
    if (waiting <= maxWaiting || exempt(request)) return;
    logShed('databaseWaiting', waiting);
    throw new BusyError(limits.retryAfterSeconds);
  });
}
