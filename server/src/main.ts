import { buildApp } from './app';
import { ConfigError, loadConfig, loggerOptions } from './config';
import { fieldCipherFor } from './crypto/field-keys';
import { DataDirLockedError, openDatabase } from './db/database';
import { prepareAsOwner } from './db/app-role';
import { prepareDatabase } from './db/migrate';
import { withFieldCipher } from './db/personal-data';
import { reseal } from './db/reseal';
import { oneStartAtATime } from './db/start-lock';
import { databaseUnavailable } from './db/unavailable';
import { seedDemoData } from './modules/demo/demo-seed';

async function main(): Promise<void> {
  const config = loadConfig();
  if (config.production && config.database.kind === 'pglite') {
    console.warn(
      '\n*** 警告 / WARNING: NODE_ENV=production 但没有设置 DATABASE_URL，正在使用内嵌数据库 (PGlite)。\n' +
        '*** 内嵌数据库一次只执行一条查询，只适合演示、开发和很小的单机部署。生产环境请使用 PostgreSQL。\n',
    );
  }
  const cipher = fieldCipherFor(config);
  if (config.production && config.database.kind === 'postgres' && !config.migrationUrl) {
    console.warn(
      '\n*** 提示：未设置 DATABASE_MIGRATION_URL，服务以数据库表的所有者身份运行，可以清空日志表、停用其只追加触发器。\n' +
        '*** 建议由所有者账号执行迁移（DATABASE_MIGRATION_URL），服务使用只有读写权限的账号（DATABASE_URL）。\n',
    );
  }
  // Several servers started at once on one database prepare it one after the other.
  const { handle, db, migrated, sealed } = await oneStartAtATime(config.database, async () => {
    const applied =
      config.migrationUrl && config.database.kind === 'postgres'
        ? await prepareAsOwner(config.migrationUrl, config.database.url)
        : null;
    const handle = await openDatabase(config.database);
    const db = withFieldCipher(handle.db, cipher);
    const migrated = applied ?? (await prepareDatabase(db));
    // Rows from before encryption at rest are sealed before anyone can ask for them.
    const sealed = await reseal(db, 'encrypt');
    return { handle, db, migrated, sealed };
  });
  const app = await buildApp({ config, db, databaseWaiting: handle.waiting, logger: loggerOptions(config) });
  if (migrated.length) app.log.info({ applied: migrated }, 'migrations applied');
  if (Object.keys(sealed).length) app.log.info({ sealed }, 'plain ID and phone numbers encrypted');
  if (config.demoData) await seedDemoData(db, (line) => console.log(line), { config });

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
  if (config.uploads.sweepIntervalMinutes > 0) app.fileSweeper.start(config.uploads.sweepIntervalMinutes * 60_000);
  if (config.host === '127.0.0.1' && !process.env.HOST) {
    console.log(
      '\n演示/开发模式：演示账号和短信验证码对访问者可见，因此只在本机 (127.0.0.1) 上监听；要让其他电脑访问，请设置 HOST=0.0.0.0。',
    );
  }
  console.log(
    `\nzhicheng 已启动: http://localhost:${config.port}  (数据库: ${handle.kind === 'pglite' ? `内嵌 PGlite，目录 ${config.dataDir}` : 'PostgreSQL'})`,
  );
}

/** Where DATABASE_URL points, without its password: what an operator checks first. */
function databaseTarget(url: string): string {
  try {
    const u = new URL(url);
    return `${u.username ? `${decodeURIComponent(u.username)}@` : ''}${u.hostname}:${u.port || '5432'}${u.pathname}`;
  } catch {
    return '（无法解析的地址）';
  }
}

/** The database refused us or is not there: say so in words, not with a stack trace. */
function databaseStartProblem(error: unknown, url: string): string | null {
  const code = (error as { code?: unknown } | null)?.code;
  const reason = error instanceof Error ? error.message : String(error);
  const where = `DATABASE_URL 指向 ${databaseTarget(url)}`;
  if (code === '28P01' || code === '28000') return `数据库拒绝登录（${where}）：请检查用户名和密码。`;
  if (code === '3D000') return `数据库不存在（${where}）：请先用 createdb 创建，或检查库名。`;
  if (databaseUnavailable(error)) {
    return `无法连接数据库（${where}）：${reason}。请检查 PostgreSQL 是否已启动、主机和端口是否正确、防火墙是否放行。`;
  }
  return null;
}

main().catch((error: unknown) => {
  const databaseUrl = process.env.DATABASE_URL;
  const databaseProblem = databaseUrl ? databaseStartProblem(error, databaseUrl) : null;
  if (error instanceof ConfigError || error instanceof DataDirLockedError) {
    console.error(`\n启动失败: ${error.message}\n`);
  } else if (databaseProblem) {
    console.error(`\n启动失败: ${databaseProblem}\n`);
  } else {
    console.error(error);
  }
  process.exit(1);
});
