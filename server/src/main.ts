import { buildApp } from './app';
import { ConfigError, loadConfig, loggerOptions } from './config';
import { DataDirLockedError, openDatabase } from './db/database';
import { prepareDatabase } from './db/migrate';
import { seedDemoData } from './modules/demo/demo-seed';

async function main(): Promise<void> {
  const config = loadConfig();
  if (config.production && config.database.kind === 'pglite') {
    console.warn(
      '\n*** 警告 / WARNING: NODE_ENV=production 但没有设置 DATABASE_URL，正在使用内嵌数据库 (PGlite)。\n' +
        '*** 内嵌数据库一次只执行一条查询，只适合演示、开发和很小的单机部署。生产环境请使用 PostgreSQL。\n',
    );
  }
  const handle = await openDatabase(config.database);
  const applied = await prepareDatabase(handle.db);
  const app = await buildApp({ config, db: handle.db, logger: loggerOptions(config) });
  if (applied.length) app.log.info({ applied }, 'migrations applied');
  if (config.demoData) await seedDemoData(handle.db, (line) => console.log(line));

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    try {
      await app.close();
    } finally {
      await handle.close();
      process.exit(0);
    }
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  await app.listen({ port: config.port, host: config.host });
  app.notifier.start(config.notifierIntervalMs);
  console.log(
    `\nzhicheng 已启动: http://localhost:${config.port}  (数据库: ${handle.kind === 'pglite' ? `内嵌 PGlite，目录 ${config.dataDir}` : 'PostgreSQL'})`,
  );
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof DataDirLockedError) {
    console.error(`\n启动失败: ${error.message}\n`);
  } else {
    console.error(error);
  }
  process.exit(1);
});
