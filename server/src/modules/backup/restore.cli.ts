import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../../config';
import { BackupError } from './backup-error';
import { restoreBackup } from './restore';

const { values } = parseArgs({ options: { from: { type: 'string' }, force: { type: 'boolean', default: false } } });
if (!values.from) {
  console.error('用法: npm run restore -- --from 备份目录 [--force]');
  process.exit(2);
}
try {
  const config = loadConfig();
  const manifest = await restoreBackup({
    from: values.from,
    database: config.database,
    storage: config.storage.kind,
    filesDir: config.uploads.filesDir,
    force: values.force,
  });
  const rows = Object.values(manifest.rowCounts).reduce((a, b) => a + b, 0);
  console.log(`恢复完成: ${values.from}（${manifest.createdAt} 的备份）`);
  console.log(
    `  数据库 ${manifest.engine}，结构版本 ${manifest.database.migration ?? '（未迁移）'}，共 ${rows} 行，行数与清单一致`,
  );
  console.log(`  上传文件 ${manifest.uploads.count} 个，均已通过 SHA-256 校验`);
} catch (error) {
  console.error(error instanceof BackupError || error instanceof ConfigError ? `恢复失败: ${error.message}` : error);
  process.exitCode = 1;
}
