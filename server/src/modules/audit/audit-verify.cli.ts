import { loadConfig } from '../../config';
import { openDatabase } from '../../db/database';
import { useAuditChainKey } from './audit-chain';
import { verifyAuditChain } from './audit-verify';

// npm run audit:verify: walks the audit chain with the configured AUDIT_CHAIN_KEY; exits 1 on a break.
const config = loadConfig();
useAuditChainKey(config.auditChainKey);
const handle = await openDatabase(config.database);
try {
  const report = await verifyAuditChain(handle.db);
  const words = { changed: '被修改', removed: '被删除', inserted: '被插入' } as const;
  console.log(`审计日志共 ${report.rows} 行：链内 ${report.chained} 行，链开始之前 ${report.beforeChain} 行`);
  console.log(`最早一行：${report.oldest?.toISOString() ?? '无'}`);
  console.log(`链尾哈希：${report.head}（请另行记录，用于发现链尾被截断）`);
  if (!config.auditChainKey)
    console.log('未配置 AUDIT_CHAIN_KEY：链为不带密钥的 SHA-256，能发现意外损坏，不能防止有数据库写权限者重算整条链。');
  for (const p of report.problems) console.log(`  ✗ ${words[p.kind]}：${p.at}`);
  console.log(report.problems.length ? `发现 ${report.problems.length} 处问题` : '审计链完整');
  process.exitCode = report.problems.length ? 1 : 0;
} finally {
  await handle.close();
}
