import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../../config';
import { BackupError } from './backup-error';
import { createBackup, s3Note } from './backup';

const { values } = parseArgs({ options: { out: { type: 'string' } } });
const stamp = new Date().toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
const out = values.out ?? `backups/zhicheng-${stamp}`;
try {
  const config = loadConfig();
  const manifest = await createBackup({
    database: config.database,
    storage: config.storage.kind,
    filesDir: config.uploads.filesDir,
    out,
  });
  const rows = Object.values(manifest.rowCounts).reduce((a, b) => a + b, 0);
  console.log(`备份完成: ${out}`);
  console.log(`  数据库 ${manifest.engine}，结构版本 ${manifest.database.migration ?? '（未迁移）'}`);
  console.log(`  ${Object.keys(manifest.rowCounts).length} 张表，共 ${rows} 行；上传文件 ${manifest.uploads.count} 个`);
  if (manifest.uploads.storage === 's3') console.log(`  上传文件在 S3 中，未复制：请开启存储桶的版本控制。${s3Note}`);
} catch (error) {
  console.error(error instanceof BackupError || error instanceof ConfigError ? `备份失败: ${error.message}` : error);
  process.exitCode = 1;
}
