import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../server/src/db/database';

export const engine = process.env.TEST_DB_ENGINE === 'postgres' ? 'postgres' : 'pglite';

/** A fresh, migrated database of the engine under test, private to the caller. */
export async function openTestDatabase(): Promise<DatabaseHandle> {
  const template = inject('dbTemplate');
  if (engine === 'pglite') {
    return openDatabase({ kind: 'pglite-memory', loadDataDir: new Blob([readFileSync(template)]) });
  }
  const url = process.env.TEST_DATABASE_URL!;
  const name = `${template}_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`create database ${name} template ${template}`);
  } finally {
    await admin.end();
  }
  const target = new URL(url);
  target.pathname = `/${name}`;
  const handle = await openDatabase({ kind: 'postgres', url: target.toString(), poolSize: 5 });
  return {
    ...handle,
    close: async () => {
      await handle.close();
      const cleanup = new pg.Client({ connectionString: url });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}
