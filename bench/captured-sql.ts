import { Kysely, PostgresDialect, type CompiledQuery } from 'kysely';
import pg from 'pg';
import type { Database } from '../server/src/db/schema';
import { withFieldCipher } from '../server/src/db/personal-data';
import type { Db } from '../server/src/db/database';
import type { FieldCipher } from '../server/src/crypto/field-cipher';

/**
 * The statements a piece of the server's code sends, caught as it runs against the real database: the
 * bare baseline then serves exactly that SQL, so that the two differ only by what the system adds.
 */
export async function captureSql(
  url: string,
  cipher: FieldCipher,
  run: (db: Db) => Promise<unknown>,
): Promise<CompiledQuery[]> {
  const caught: CompiledQuery[] = [];
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool }),
    log: (event) => {
      if (event.level === 'query') caught.push(event.query);
    },
  });
  try {
    await run(withFieldCipher(db, cipher));
  } finally {
    await db.destroy();
  }
  return caught;
}
