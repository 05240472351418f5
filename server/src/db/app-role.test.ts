import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendAudit } from '../modules/audit/audit.repository';
import { prepareAsOwner } from './app-role';
import { openDatabase, type DatabaseHandle } from './database';

// Roles are PostgreSQL's: the embedded database has one user, and its folder is the server's alone.
const onPostgres = process.env.TEST_DB_ENGINE === 'postgres';

describe.skipIf(!onPostgres)('the application as a role that owns nothing (DATABASE_MIGRATION_URL)', () => {
  const ownerUrl = new URL(process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test');
  const suffix = randomBytes(5).toString('hex');
  const database = `zc_role_${suffix}`;
  const role = `zc_app_${suffix}`;
  const password = randomBytes(12).toString('hex');
  let app: DatabaseHandle;

  const asOwner = async (statement: string) => {
    const client = new pg.Client({ connectionString: ownerUrl.toString() });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };

  beforeAll(async () => {
    await asOwner(`create database ${database}`);
    await asOwner(`create role ${role} login password '${password}'`);
    const owner = new URL(ownerUrl);
    owner.pathname = `/${database}`;
    const appUrl = new URL(owner);
    appUrl.username = role;
    appUrl.password = password;
    await prepareAsOwner(owner.toString(), appUrl.toString());
    app = await openDatabase({ kind: 'postgres', url: appUrl.toString(), poolSize: 2 });
  });

  afterAll(async () => {
    await app?.close();
    await asOwner(`drop database if exists ${database} with (force)`);
    await asOwner(`drop role if exists ${role}`);
  });

  it('works: reads the reference data, writes the audit chain', async () => {
    expect((await app.db.selectFrom('series').select('code').execute()).length).toBeGreaterThan(0);
    await appendAudit(app.db, { accountId: null, kind: 'anonymous', ip: '127.0.0.1' }, new Date(), { action: 'probe' });
    expect((await app.db.selectFrom('audit_log').select('id').execute()).length).toBe(1);
  });

  it('cannot empty the logs, switch off their triggers, or rewrite a row', async () => {
    const refused = (statement: string) =>
      expect(sql.raw(statement).execute(app.db)).rejects.toThrow(/permission denied|must be owner/);
    await refused('truncate review_log');
    await refused('truncate audit_log');
    await refused('alter table audit_log disable trigger user');
    await refused('delete from audit_log');
    await refused("update audit_log set ip = '10.0.0.1'");
    await refused('drop table review_log');
  });
});
