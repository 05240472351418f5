import { loadConfig } from '../config';
import { openDatabase } from './database';
import { prepareDatabase } from './migrate';

const config = loadConfig();
const handle = await openDatabase(config.database);
try {
  const applied = await prepareDatabase(handle.db);
  console.log(applied.length ? `已执行迁移: ${applied.join(', ')}` : '数据库已是最新结构');
} finally {
  await handle.close();
}
