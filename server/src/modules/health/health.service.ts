import type { Db } from '../../db/database';
import { AppError } from '../../domain/app-error';
import { pingDatabase } from './health.repository';

export interface HealthService {
  /** ok when the database answers; otherwise the cause goes to `report` (the log) and the caller learns only 503. */
  check(report: (error: unknown) => void): Promise<{ status: 'ok' }>;
}

/** `timeoutMs`: a load balancer must hear "not ok" from a stalled database in seconds, not never. */
export function createHealthService(db: Db, timeoutMs: number): HealthService {
  return {
    async check(report) {
      let timer: NodeJS.Timeout | undefined;
      const stalled = new Promise<never>((_, fail) => {
        timer = setTimeout(() => fail(new Error(`database did not answer within ${timeoutMs} ms`)), timeoutMs);
      });
      try {
        await Promise.race([pingDatabase(db), stalled]);
      } catch (error) {
        report(error);
        throw new AppError('UNAVAILABLE', '数据库暂不可用');
      } finally {
        clearTimeout(timer);
      }
      return { status: 'ok' };
    },
  };
}
