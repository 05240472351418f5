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
): Promise<CapturedSteps> {
  const caught: { query: CompiledQuery; start: number; end: number }[] = [];
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool }),
    log: (event) => {
      const end = performance.now();
      if (event.level === 'query') caught.push({ query: event.query, start: end - event.queryDurationMillis, end });
    },
  });
  try {
    await run(withFieldCipher(db, cipher));
  } finally {
    await db.destroy();
  }
  return inSteps(caught);
}

/** The statements of one request, in steps: a step's statements ran at the same time, steps one after another. */
export type CapturedSteps = { sql: string; parameters: unknown[] }[][];

function inSteps(caught: { query: CompiledQuery; start: number; end: number }[]): CapturedSteps {
  const steps: CapturedSteps = [];
  let stepEnd = -Infinity;
  for (const { query, start, end } of caught.sort((a, b) => a.start - b.start)) {
    const statement = { sql: query.sql, parameters: [...query.parameters] };
    if (start >= stepEnd || steps.length === 0) steps.push([statement]);
    else steps.at(-1)!.push(statement);
    stepEnd = Math.max(start >= stepEnd ? end : stepEnd, end);
  }
  return steps;
}
