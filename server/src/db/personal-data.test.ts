import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePhone, registerApplicant, registerUnit } from '../../../test/fixtures';
import { createTestContext, type TestContext } from '../../../test/test-app';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => ctx.close());

/** Every row of every table of ours, as text: what a stolen dump or a backup shows. */
async function everyRow(): Promise<string> {
  const { rows: tables } = await sql<{ tablename: string }>`
    select tablename from pg_tables where schemaname = 'public'`.execute(ctx.db);
  const parts: string[] = [];
  for (const { tablename } of tables) {
    const { rows } = await sql`select * from ${sql.table(tablename)}`.execute(ctx.db);
    parts.push(`${tablename}: ${JSON.stringify(rows)}`);
  }
  return parts.join('\n');
}

describe('ID and phone numbers at rest', () => {
  it('are nowhere in the database in plain text after registration and an SMS', async () => {
    const unit = await registerUnit(ctx);
    const person = await registerApplicant(ctx);
    const other = makePhone();
    await ctx.agent().requestSmsCode({ phone: other, purpose: 'resetPassword' });
    const dump = await everyRow();
    for (const secret of [unit.phone, person.phone, person.idNumber, other]) {
      expect(dump, `${secret} in plain text`).not.toContain(secret);
    }
  });
});
