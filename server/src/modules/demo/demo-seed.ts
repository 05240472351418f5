import { systemClock } from '../../clock';
import type { Db } from '../../db/database';
import { createAdmin } from '../admin/admin.service';
import { appendAudit, systemActor } from '../audit/audit.repository';
import { generatePassword } from '../auth/password-generator';
import { hashPassword } from '../auth/password-hasher';
import { insertUnitWithAccount } from '../units/unit-registration.service';

/**
 * Demo accounts for the embedded database, made once with fresh random passwords. Their credentials
 * are printed and shown on the login page: only ever in demo mode, never in production.
 */
export async function seedDemoData(db: Db, print: (line: string) => void): Promise<void> {
  const existing = await db.selectFrom('demo_credential').selectAll().orderBy('id').execute();
  if (existing.length === 0) {
    const clock = systemClock;
    const adminPassword = generatePassword();
    await createAdmin(db, clock, 'demo-admin', adminPassword);
    const unitPassword = generatePassword();
    const unitHash = await hashPassword(unitPassword);
    await db.transaction().execute(async (trx) => {
      const now = clock.now();
      const { unitId } = await insertUnitWithAccount(trx, now, {
        unitName: '演示单位（树袋家文化艺术中心）',
        creditCode: 'SGSR20260000000001',
        contactName: '张联系',
        phone: '13800000001',
        passwordHash: unitHash,
      });
      await appendAudit(trx, systemActor, now, { action: 'demo.seed', objectType: 'unit', objectId: unitId });
      await trx
        .insertInto('demo_credential')
        .values([
          { kind: 'unit', username: 'SGSR20260000000001', password: unitPassword, note: '单位用户（登录页选【单位用户】）' },
          { kind: 'admin', username: 'demo-admin', password: adminPassword, note: '平台管理员（#/admin/login）' },
        ])
        .execute();
    });
  }
  const credentials = await db.selectFrom('demo_credential').selectAll().orderBy('id').execute();
  print('\n演示模式（仅内嵌数据库、非生产环境）— 演示账号:');
  for (const c of credentials) print(`  ${c.note}: ${c.username} / ${c.password}`);
  print('');
}
