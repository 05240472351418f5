import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadConfig } from '../../config';
import { fieldCipherFor } from '../../crypto/field-keys';
import { openDatabase } from '../../db/database';
import { prepareDatabase } from '../../db/migrate';
import { withFieldCipher } from '../../db/personal-data';
import { generatePassword } from '../auth/password-generator';
import { seedScale } from './scale-seed';

// npm run seed:scale -- --applications N [--drafts D] [--units U] [--password P] [--out desks.json]
const { values } = parseArgs({
  options: {
    applications: { type: 'string' },
    drafts: { type: 'string' },
    units: { type: 'string' },
    password: { type: 'string' },
    out: { type: 'string' },
  },
});
const applications = Number(values.applications);
const drafts = Number(values.drafts ?? 0);
if (!Number.isSafeInteger(applications) || applications < 1 || !Number.isSafeInteger(drafts) || drafts < 0) {
  console.error(
    '用法: npm run seed:scale -- --applications N [--drafts D] [--units U] [--password 密码] [--out 文件.json]',
  );
  process.exit(2);
}
const config = loadConfig();
if (config.production) {
  console.error('规模数据只用于压测，不能写入生产环境（NODE_ENV=production）');
  process.exit(2);
}
const password = values.password ?? process.env.SEED_PASSWORD ?? generatePassword();
const handle = await openDatabase(config.database);
try {
  const db = withFieldCipher(handle.db, fieldCipherFor(config));
  await prepareDatabase(db);
  console.log(
    `生成 ${applications} 份申报${drafts ? `和 ${drafts} 份草稿` : ''}到${handle.kind === 'pglite' ? `内嵌数据库 ${config.dataDir}` : ' PostgreSQL'}…`,
  );
  const result = await seedScale(db, config, {
    applications,
    drafts,
    units: values.units === undefined ? undefined : Number(values.units),
    password,
    log: (line) => console.log(line),
  });
  console.log(`完成，用时 ${result.seconds.toFixed(0)} 秒。待审数量最多的审核端：`);
  for (const desk of Object.values(result.desks)) console.log(`  ${desk.orgName}（${desk.username}）：${desk.waiting}`);
  if (values.password === undefined && process.env.SEED_PASSWORD === undefined) {
    console.log(`所有生成账号的密码（只显示这一次）: ${password}`);
  }
  if (values.out) {
    writeFileSync(
      values.out,
      `${JSON.stringify({ applications, desks: result.desks, year: result.world.year }, null, 2)}\n`,
    );
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await handle.close();
}
