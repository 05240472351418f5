import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { prepareDatabase } from '../server/src/db/migrate';

declare module 'vitest' {
  export interface ProvidedContext {
    dbTemplate: string;
  }
}

/**
 * Migrates once per run and hands the test files a template: a dump of a migrated PGlite (loading it
 * costs a fraction of initdb), or a PostgreSQL database to CREATE DATABASE … TEMPLATE from.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (project.name === 'postgres') {
    const url = process.env.TEST_DATABASE_URL!;
    const name = `zc_tpl_${process.pid}_${Date.now()}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create database ${name}`);
    const target = new URL(url);
    target.pathname = `/${name}`;
    const db = new Kysely<any>({
      dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: target.toString(), max: 1 }) }),
    });
    await prepareDatabase(db);
    await db.destroy();
    project.provide('dbTemplate', name);
    return async () => {
      // Test databases made from the template are dropped by their files; the template last.
      const { rows } = await admin.query<{ datname: string }>(`select datname from pg_database where datname like $1`, [
        `${name}_t_%`,
      ]);
      for (const row of rows) await admin.query(`drop database if exists ${row.datname} with (force)`);
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    };
  }
  const client = await PGlite.create();
  const db = new Kysely<any>({ dialect: new PGliteDialect(client) });
  await prepareDatabase(db);
  const dump = await client.dumpDataDir('none');
  const dir = mkdtempSync(join(tmpdir(), 'zc-test-'));
  const file = join(dir, 'template.tar');
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  await db.destroy();
  project.provide('dbTemplate', file);
  return async () => rmSync(dir, { recursive: true, force: true });
}
