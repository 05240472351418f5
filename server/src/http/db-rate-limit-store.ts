import type { Clock } from '../clock';
import type { Db } from '../db/database';

type Callback = (error: Error | null, result?: { current: number; ttl: number }) => void;

/**
 * A store for @fastify/rate-limit that keeps its counters in the database, so that every server of
 * a cluster counts the same requests (fixed windows, one row per key and route).
 */
export function dbRateLimitStore(db: Db, clock: Clock) {
  return class DbRateLimitStore {
    // The plugin constructs the store with its options; only the route prefix given by `child` matters here.
    constructor(
      _options?: unknown,
      private readonly prefix = 'global',
    ) {}

    incr(key: string, callback: Callback, timeWindow: number): void {
      const now = clock.now();
      const windowStart = new Date(now.getTime() - timeWindow);
      db.insertInto('rate_limit')
        .values({ key: `${this.prefix}:${key}`, window_started_at: now, count: 1 })
        .onConflict((oc) =>
          oc.column('key').doUpdateSet((eb) => ({
            count: eb
              .case()
              .when('rate_limit.window_started_at', '<=', windowStart)
              .then(1)
              .else(eb('rate_limit.count', '+', 1))
              .end(),
            window_started_at: eb
              .case()
              .when('rate_limit.window_started_at', '<=', windowStart)
              .then(now)
              .else(eb.ref('rate_limit.window_started_at'))
              .end(),
          })),
        )
        .returning(['count', 'window_started_at'])
        .executeTakeFirstOrThrow()
        .then((row) =>
          callback(null, {
            current: row.count,
            ttl: Math.max(0, row.window_started_at.getTime() + timeWindow - now.getTime()),
          }),
        )
        .catch((error: Error) => callback(error));
    }

    // The plugin passes the route's merged options, with the route itself as `routeInfo` (its typings omit it).
    child(routeOptions: object): DbRateLimitStore {
      const route = (routeOptions as { routeInfo?: { method?: unknown; url?: string } }).routeInfo;
      return new DbRateLimitStore(undefined, `${String(route?.method ?? '')} ${route?.url ?? ''}`);
    }
  };
}
