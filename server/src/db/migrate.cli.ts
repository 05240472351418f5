import { loadConfig } from '../config';
import { openDatabase } from './database';
import { prepareAsOwner } from './app-role';
import { prepareDatabase } from './migrate';
import { oneStartAtATime } from './start-lock';

const config = loadConfig();
const report = (applied: string[]) =>
  console.log(applied.length ? `已执行迁移: ${applied.join(', ')}` : '数据库已是最新结构');
// Servers starting meanwhile wait for this, and this for them (db/start-lock.ts).
await oneStartAtATime(config.database, async () => {
  if (config.migrationUrl && config.database.kind === 'postgres') {
    report(await prepareAsOwner(config.migrationUrl, config.database.url));
    return;
  }
  const handle = await openDatabase(config.database);
  try {
    report(await prepareDatabase(handle.db));
  } finally {
    await handle.close();
  }
});
