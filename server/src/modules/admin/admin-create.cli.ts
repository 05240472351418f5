import { parseArgs } from 'node:util';
import { systemClock } from '../../clock';
import { loadConfig } from '../../config';
import { fieldCipherFor } from '../../crypto/field-keys';
import { openDatabase } from '../../db/database';
import { prepareDatabase } from '../../db/migrate';
import { withFieldCipher } from '../../db/personal-data';
import { generatePassword } from '../auth/password-generator';
import { AdminCreateError, createAdmin } from './admin.service';

const { values } = parseArgs({ options: { username: { type: 'string' }, password: { type: 'string' } } });
if (!values.username) {
  console.error('用法: npm run admin:create -- --username NAME [--password PASS]');
  process.exit(2);
}
const generated = values.password === undefined;
const password = values.password ?? generatePassword();
const config = loadConfig();
const cipher = fieldCipherFor(config);
const handle = await openDatabase(config.database);
try {
  const db = withFieldCipher(handle.db, cipher);
  await prepareDatabase(db);
  await createAdmin(db, systemClock, values.username, password);
  console.log(`已创建平台管理员 ${values.username}`);
  if (generated) console.log(`初始密码（只显示这一次，请妥善保存）: ${password}`);
} catch (error) {
  console.error(error instanceof AdminCreateError ? `创建失败: ${error.message}` : error);
  process.exitCode = 1;
} finally {
  await handle.close();
}
