import { loadConfig } from '../config';
import { openDatabase } from './database';
import { prepareAsOwner } from './app-role';
import { prepareDatabase } from './migrate';

const config = loadConfig();
const report = (applied: string[]) =>
  console.log(applied.length ? `已执行迁移: ${applied.join(', ')}` : '数据库已是最新结构');
if (config.migrationUrl && config.database.kind === 'postgres') {
  report(await prepareAsOwner(config.migrationUrl, config.database.url));
} else {
  const handle = await openDatabase(config.database);
  try {
    report(await prepareDatabase(handle.db));
  } finally {
    await handle.close();
  }
}
