import { systemClock } from '../../clock';
import type { Db } from '../../db/database';
import { createAdmin } from '../admin/admin.service';
import { appendAudit, systemActor } from '../audit/audit.repository';
import { generatePassword } from '../auth/password-generator';
import { hashPassword } from '../auth/password-hasher';

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
      const account = await trx
        .insertInto('account')
        .values({
          kind: 'unit',
          login_name: 'SGSR20260000000001',
          display_name: '演示单位（树袋家文化艺术中心）',
          phone: '13800000001',
          password_hash: unitHash,
          password_changed_at: now,
          created_at: now,
          updated_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const unit = await trx
        .insertInto('unit')
        .values({
          account_id: account.id,
          name: '演示单位（树袋家文化艺术中心）',
          credit_code: 'SGSR20260000000001',
          contact_name: '张联系',
          contact_phone: '13800000001',
          created_at: now,
          updated_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await appendAudit(trx, systemActor, now, { action: 'demo.seed', objectType: 'unit', objectId: unit.id });
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
