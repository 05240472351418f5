import pg from 'pg';
import type { DatabaseOptions } from './database';

/** The advisory lock that lets one server at a time prepare a PostgreSQL database ('zhst'). */
const startLock = 0x7a68_7374;

/**
 * Runs what a start does to the database before serving (migrations, reference data, the app role's
 * rights, sealing plain numbers) while holding a PostgreSQL advisory lock, so that servers started
 * together on one database take turns. Kysely's migrator locks only the migrations themselves: two
 * first starts would then both find the specialty dictionary empty and load it (the second fails on
 * its unique index), and two GRANTs at once fail with "tuple concurrently updated". The lock is held
 * by a connection of its own (the pool may be a single connection, which `work` needs), and ends
 * with it, also when the process dies. The embedded database is one process's anyway.
 */
export async function oneStartAtATime<T>(database: DatabaseOptions, work: () => Promise<T>): Promise<T> {
  if (database.kind !== 'postgres') return work();
  const client = new pg.Client({
    connectionString: database.url,
    connectionTimeoutMillis: database.connectTimeoutMs ?? 5_000,
  });
  // A connection lost while waiting surfaces at the next query or at end(); it must not end the process.
  client.on('error', () => undefined);
  await client.connect();
  try {
    // No timeout: the server before us may be running a long migration.
    await client.query('select pg_advisory_lock($1)', [startLock]);
    return await work();
  } finally {
    await client.end().catch(() => undefined);
  }
}
