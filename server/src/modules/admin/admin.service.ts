import { passwordPolicyProblems } from '#common';
import type { Clock } from '../../clock';
import type { Db } from '../../db/database';
import { uniqueViolation } from '../../db/unique-violation';
import { appendAudit } from '../audit/audit.repository';
import { systemActor } from '../../domain/actor';
import { hashPassword } from '../auth/password-hasher';
import { insertAdminAccount } from './admin.repository';

export class AdminCreateError extends Error {}

/** Platform admins are only ever made deliberately (npm run admin:create): there is no default one. */
export async function createAdmin(db: Db, clock: Clock, username: string, password: string): Promise<number> {
  if (!/^[A-Za-z][A-Za-z0-9_.-]{2,31}$/.test(username)) {
    throw new AdminCreateError('用户名应为 3–32 位字母、数字、下划线、点或连字符，以字母开头');
  }
  const problems = passwordPolicyProblems(password);
  if (problems.length) throw new AdminCreateError(`密码不符合要求：${problems.join('；')}`);
  const passwordHash = await hashPassword(password);
  try {
    return await db.transaction().execute(async (trx) => {
      const now = clock.now();
      const id = await insertAdminAccount(trx, now, { username, passwordHash });
      await appendAudit(trx, systemActor, now, {
        action: 'admin.create',
        objectType: 'account',
        objectId: id,
        detail: { username },
      });
      return id;
    });
  } catch (error) {
    if (uniqueViolation(error) !== null) throw new AdminCreateError(`管理员 ${username} 已存在`);
    throw error;
  }
}
