import { randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { buildApp } from '../../app';
import { FakeClock } from '../../clock';
import { loadConfig, type Config } from '../../config';
import { openDatabase, type DatabaseHandle, type Db } from '../../db/database';
import { withFieldCipher } from '../../db/personal-data';
import { Agent, testCaptcha, testFieldCipher, type TestContext } from '../../../../test/test-app';
import { engine } from '../../../../test/test-database';
import {
  adminCreates,
  archivesChoices,
  createDraft,
  fillApplication,
  loggedInAdmin,
  loggedInApplicant,
  reviewWorld,
  unitWithInfo,
} from '../../../../test/fixtures';
import { createBackup } from './backup';
import { tableRowCounts } from './database-facts';
import { listFiles, sha256File, type Manifest } from './manifest';
import { restoreBackup } from './restore';

/**
 * A system with an applicant's submitted application, its attachments, a unit's 返回修改 and the audit
 * trail, backed up and restored into a fresh database and files folder: the operator's checks are the
 * row counts of every table, the uploaded files' digests, and the audit and review logs row for row.
 */
const work = mkdtempSync(join(tmpdir(), 'zc-backup-'));
const adminUrl = process.env.TEST_DATABASE_URL;
const createdDatabases: string[] = [];

async function adminQuery(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/** A new PostgreSQL database (from the migrated template, or empty) and its address. */
async function newPostgresDatabase(fromTemplate: boolean): Promise<string> {
  const name = `zc_backup_${randomBytes(5).toString('hex')}`;
  await adminQuery(`create database ${name} template ${fromTemplate ? inject('dbTemplate') : 'template0'}`);
  createdDatabases.push(name);
  const url = new URL(adminUrl!);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Where a system keeps its data: its database settings and its files folder. */
interface Site {
  database: Config['database'];
  filesDir: string;
  env: Record<string, string>;
}

async function newSite(name: string, migrated: boolean): Promise<Site> {
  const root = join(work, name);
  const filesDir = join(root, 'files');
  if (engine === 'postgres') {
    const url = await newPostgresDatabase(migrated);
    return {
      database: { kind: 'postgres', url, poolSize: 2, connectTimeoutMs: 5000, statementTimeoutMs: 30000 },
      filesDir,
      env: { DATABASE_URL: url, FILES_DIR: filesDir },
    };
  }
  if (migrated) {
    // The migrated template, loaded into a data folder on disk as the server would have it.
    mkdirSync(root, { recursive: true });
    const client = await PGlite.create({
      dataDir: join(root, 'pglite'),
      loadDataDir: new Blob([readFileSync(inject('dbTemplate'))]),
    });
    await client.close();
  }
  return { database: { kind: 'pglite', dataDir: root }, filesDir, env: { DATA_DIR: root, FILES_DIR: filesDir } };
}

/** One set of keys for every site of the file: a restored database is read with the keys it was written with. */
const fieldCipher = testFieldCipher();

/** The whole app on a site, as createTestContext builds it, so that the fixtures can drive it. */
async function serve(site: Site): Promise<TestContext & { handle: DatabaseHandle }> {
  const handle = await openDatabase(site.database);
  const config = loadConfig({
    ...site.env,
    NODE_ENV: 'test',
    CAPTCHA_TEST_CODE: testCaptcha,
    WEB_DIST_DIR: '/nonexistent',
    DEMO_DATA: 'false',
  });
  const clock = new FakeClock();
  clock.set('2026-05-26T02:00:00Z');
  const db = withFieldCipher(handle.db, fieldCipher);
  const app = await buildApp({ config, db, clock, logger: false });
  await app.ready();
  return {
    app,
    db,
    clock,
    config,
    handle,
    agent: () => new Agent(app),
    close: async () => {
      await app.close();
      await handle.close();
    },
  };
}

interface Snapshot {
  rowCounts: Record<string, number>;
  auditLog: unknown[];
  reviewLog: unknown[];
  files: Record<string, string>;
}

async function snapshot(db: Db, filesDir: string): Promise<Snapshot> {
  const files: Record<string, string> = {};
  for (const path of await listFiles(filesDir)) files[path] = await sha256File(join(filesDir, path));
  return {
    rowCounts: await tableRowCounts(db),
    auditLog: await db.selectFrom('audit_log').selectAll().orderBy('id').execute(),
    reviewLog: await db.selectFrom('review_log').selectAll().orderBy('id').execute(),
    files,
  };
}

const backupOptions = (site: Site, out: string) => ({
  database: site.database,
  storage: 'local' as const,
  filesDir: site.filesDir,
  out,
});
const restoreOptions = (site: Site, from: string, force = false) => ({
  from,
  database: site.database,
  storage: 'local' as const,
  filesDir: site.filesDir,
  force,
});

describe(`backup and restore (${engine})`, () => {
  let source: Site;
  let before: Snapshot;
  let applicant: { idNumber: string; password: string; applicationId: string };
  let manifest: Manifest;
  const backupDir = join(work, 'backup');

  beforeAll(async () => {
    source = await newSite('source', true);
    const ctx = await serve(source);
    const admin = (await loggedInAdmin(ctx)).agent;
    await adminCreates(admin, '/api/admin/hr-bureaus', { name: '五华区人社局', regionCode: '530102' });
    await adminCreates(admin, '/api/admin/hr-bureaus', { name: '昆明市人社局', regionCode: '530100' });
    const world = await reviewWorld(ctx, admin);
    const unit = await unitWithInfo(ctx);
    const { person, agent } = await loggedInApplicant(ctx, unit.unit.unitId);
    const choices = await archivesChoices(ctx);
    const id = await createDraft(agent, world, choices);
    const version = await fillApplication(agent, id, world.year, person.name);
    const submitted = await agent.post(`/api/applications/${id}/submit`, { version });
    expect(submitted.status).toBe(200);
    const decided = await unit.agent.post('/api/review/decisions', {
      items: [{ id, version: submitted.body.version }],
      action: 'return',
      opinion: '请补充任职期间的考核材料',
    });
    expect(decided.body.results[0].ok).toBe(true);
    applicant = { idNumber: person.idNumber, password: person.password, applicationId: id };
    before = await snapshot(ctx.db, source.filesDir);

    if (engine === 'pglite') {
      // The server holds the embedded database: a backup beside it is refused, in words saying what to do.
      await expect(createBackup(backupOptions(source, join(work, 'refused')))).rejects.toThrow(
        /正被运行中的 zhicheng 服务使用.*请先停止服务/,
      );
      await ctx.close();
      manifest = await createBackup(backupOptions(source, backupDir));
    } else {
      // PostgreSQL is dumped from a snapshot while the server keeps running.
      manifest = await createBackup(backupOptions(source, backupDir));
      await ctx.close();
    }
  }, 180_000);

  afterAll(async () => {
    for (const name of createdDatabases) await adminQuery(`drop database if exists ${name} with (force)`);
    rmSync(work, { recursive: true, force: true });
  });

  it('holds the data it was asked to: the fixtures wrote applications, files, decisions and audit rows', () => {
    expect(before.rowCounts.application).toBe(1);
    expect(before.rowCounts.attachment).toBeGreaterThan(0);
    expect(before.reviewLog.length).toBe(2);
    expect(before.auditLog.length).toBeGreaterThan(10);
    expect(Object.keys(before.files).length).toBe(before.rowCounts.stored_file);
  });

  it('writes a manifest with the engine, the schema version, the row counts and a digest of every file', () => {
    expect(manifest.engine).toBe(engine);
    expect(manifest.database.migration).toMatch(/^\d{4}-\d{2}-\d{2}-\d{3}-/);
    expect(manifest.rowCounts).toEqual(before.rowCounts);
    expect(manifest.uploads).toMatchObject({ storage: 'local', count: Object.keys(before.files).length });
    const listed = Object.fromEntries(manifest.files.map((f) => [f.path, f.sha256]));
    for (const [path, digest] of Object.entries(before.files)) expect(listed[`files/${path}`]).toBe(digest);
    expect(listed[manifest.database.file]).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.parse(readFileSync(join(backupDir, 'manifest.json'), 'utf8'))).toEqual(manifest);
  });

  it('restores into a fresh database and files folder: every table, file and audit row as it was', async () => {
    const target = await newSite('restored', false);
    await restoreBackup(restoreOptions(target, backupDir));
    const ctx = await serve(target);
    try {
      const after = await snapshot(ctx.db, target.filesDir);
      expect(after.rowCounts).toEqual(before.rowCounts);
      expect(after.files).toEqual(before.files);
      expect(after.auditLog).toEqual(before.auditLog);
      expect(after.reviewLog).toEqual(before.reviewLog);
      // And the restored system serves them: the applicant signs in and opens an attachment.
      const agent = ctx.agent();
      expect((await agent.login('applicant', applicant.idNumber, applicant.password)).status).toBe(200);
      const application = await agent.get(`/api/applications/${applicant.applicationId}`);
      expect(application.body.status).toBe('returned');
      const attachment = application.body.attachments[0];
      const file = await agent.get(`/api/applications/${applicant.applicationId}/attachments/${attachment.id}/file`);
      expect(file.status).toBe(200);
    } finally {
      await ctx.close();
    }
    // A second restore over it is refused: it is no longer empty.
    await expect(restoreBackup(restoreOptions(target, backupDir))).rejects.toThrow(/已拒绝恢复.*--force/);
  }, 120_000);

  it('refuses a tampered backup before touching the target', async () => {
    const tampered = join(work, 'tampered');
    cpSync(backupDir, tampered, { recursive: true });
    const upload = manifest.files.find((f) => f.path.startsWith('files/'))!;
    const bytes = readFileSync(join(tampered, upload.path));
    bytes.writeUInt8(bytes.readUInt8(0) ^ 1, 0);
    writeFileSync(join(tampered, upload.path), bytes);
    const target = await newSite('from-tampered', false);
    await expect(restoreBackup(restoreOptions(target, tampered))).rejects.toThrow(
      new RegExp(`备份校验失败[\\s\\S]*${upload.path}.*SHA-256`),
    );
    expect(existsSync(target.filesDir)).toBe(false);
    if (target.database.kind === 'pglite') expect(existsSync(join(target.database.dataDir, 'pglite'))).toBe(false);
    else expect(await tableCount(target.database.url)).toBe(0);

    // A file slipped in beside the listed ones is refused as well.
    const extra = join(work, 'extra');
    cpSync(backupDir, extra, { recursive: true });
    writeFileSync(join(extra, 'files', 'planted.pdf'), 'not from the backup');
    await expect(restoreBackup(restoreOptions(target, extra))).rejects.toThrow(/清单之外的文件 files\/planted\.pdf/);
  });
});

async function tableCount(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: number }>(
      `select count(*)::int as n from information_schema.tables where table_schema = 'public'`,
    );
    return rows[0]!.n;
  } finally {
    await client.end();
  }
}
