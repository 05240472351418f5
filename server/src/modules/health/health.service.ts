import type { Db } from '../../db/database';
import { AppError } from '../../domain/app-error';
import { pingDatabase } from './health.repository';

export interface HealthService {
  /** ok when the database answers; otherwise the cause goes to `report` (the log) and the caller learns only 503. */
  check(report: (error: unknown) => void): Promise<{ status: 'ok' }>;
}

export function createHealthService(db: Db): HealthService {
  return {
    async check(report) {
      try {
        await pingDatabase(db);
      } catch (error) {
        report(error);
        throw new AppError('UNAVAILABLE', '数据库暂不可用');
      }
      return { status: 'ok' };
    },
  };
}
