import { ConfigError, loadConfig, type Config } from '../config';
import type { FieldCipher } from '../crypto/field-cipher';
import { fieldCipherFor } from '../crypto/field-keys';
import { openDatabase } from './database';
import { prepareDatabase } from './migrate';
import { withFieldCipher } from './personal-data';
import { reseal, type ResealMode } from './reseal';

/** npm run db:encrypt | db:reencrypt | db:rehash (docs/security.md). */
const modes: Record<string, { mode: ResealMode; done: string }> = {
  encrypt: { mode: 'encrypt', done: '明文的身份证号和手机号已加密' },
  reencrypt: { mode: 'reencrypt', done: '所有加密字段已改用 FIELD_ENCRYPTION_KEYS 的第一个密钥' },
  rehash: { mode: 'rehash', done: '所有查找摘要已按 FIELD_HASH_KEY 重新计算' },
};
const chosen = modes[process.argv[2] ?? ''];
if (!chosen) {
  console.error('用法: tsx server/src/db/reseal.cli.ts encrypt|reencrypt|rehash');
  process.exit(2);
}
let config: Config;
let cipher: FieldCipher;
try {
  config = loadConfig();
  cipher = fieldCipherFor(config);
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(`失败: ${error.message}`);
  process.exit(1);
}
const handle = await openDatabase(config.database);
try {
  const db = withFieldCipher(handle.db, cipher);
  await prepareDatabase(db);
  const changed = await reseal(db, chosen.mode);
  const total = Object.values(changed).reduce((a, b) => a + b, 0);
  console.log(`${chosen.done}（改写 ${total} 个值${total ? `：${JSON.stringify(changed)}` : ''}）`);
} finally {
  await handle.close();
}
