import { parseArgs } from 'node:util';
import { systemClock } from '../../clock';
import { loadConfig } from '../../config';
import { openDatabase } from '../../db/database';
import { systemActor } from '../../domain/actor';
import { useAuditChainKey } from '../audit/audit-chain';
import { appendAudit } from '../audit/audit.repository';
import { endSessionsOf } from '../auth/session.repository';
import { removeTwoFactor } from './two-factor.repository';

// npm run admin:reset-two-factor -- --username NAME: for a platform admin who has lost both the phone
// and the recovery codes. Only someone with the server's configuration can run it; it is audited.
const { values } = parseArgs({ options: { username: { type: 'string' } } });
if (!values.username) {
  console.error('用法: npm run admin:reset-two-factor -- --username NAME');
  process.exit(2);
}
const config = loadConfig();
useAuditChainKey(config.auditChainKey);
const handle = await openDatabase(config.database);
try {
  const admin = await handle.db
    .selectFrom('account')
    .select('id')
    .where('kind', '=', 'admin')
    .where('login_name', '=', values.username)
    .executeTakeFirst();
  if (!admin) throw new Error(`没有名为 ${values.username} 的平台管理员`);
  const removed = await handle.db.transaction().execute(async (trx) => {
    const now = systemClock.now();
    if (!(await removeTwoFactor(trx, admin.id))) return false;
    await endSessionsOf(trx, admin.id, now);
    await appendAudit(trx, systemActor, now, {
      action: 'account.twoFactor.reset',
      objectType: 'account',
      objectId: admin.id,
      detail: { kind: 'admin', by: 'command line' },
    });
    return true;
  });
  console.log(removed ? `已重置 ${values.username} 的两步验证；其登录后可重新设置` : '该管理员未开启两步验证');
} catch (error) {
  console.error(`重置失败: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await handle.close();
}
