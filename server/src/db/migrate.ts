import { Migrator, type Kysely } from 'kysely';
import { migrations } from './migrations/index';
import { seedReferenceData } from './seed/reference-data';

export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  const migrator = new Migrator({ db, provider: { getMigrations: () => Promise.resolve(migrations) } });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** What every start, CLI and test template does: the schema, then the reference data. */
export async function prepareDatabase(db: Kysely<any>): Promise<string[]> {
  const applied = await migrateToLatest(db);
  await seedReferenceData(db);
  return applied;
}
