import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../../test/test-app';
import { loggedInUnit, registerUnit } from '../../../../test/fixtures';
import { verifyAuditChain } from './audit-verify';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
  await registerUnit(ctx);
  await loggedInUnit(ctx);
  // Parallel requests join the chain one at a time.
  await Promise.all(Array.from({ length: 10 }, () => ctx.agent().login('unit', 'SGSR00000000000001', 'Wrong#pass1')));
});
afterAll(() => ctx.close());

/** What an intruder with the database's owner rights does: past the append-only trigger. */
async function behindTheTrigger(run: () => Promise<unknown>) {
  await sql`alter table audit_log disable trigger user`.execute(ctx.db);
  try {
    await run();
  } finally {
    await sql`alter table audit_log enable trigger user`.execute(ctx.db);
  }
}

const chainRows = () => ctx.db.selectFrom('audit_log').select(['id', 'seq']).orderBy('seq').execute();

describe('the audit chain (npm run audit:verify)', () => {
  it('chains every row, however many requests write at once', async () => {
    const report = await verifyAuditChain(ctx.db);
    expect(report.problems).toEqual([]);
    expect(report.chained).toBeGreaterThan(12);
    expect(report.chained).toBe(report.rows);
    expect(report.head).toMatch(/^[0-9a-f]{64}$/);
  });

  it('finds a changed row, a removed row and a row slipped in', async () => {
    const rows = await chainRows();
    const changed = rows[3]!;
    const removed = rows[6]!;
    await behindTheTrigger(async () => {
      await ctx.db.updateTable('audit_log').set({ ip: '10.9.9.9' }).where('id', '=', changed.id).execute();
      await ctx.db.deleteFrom('audit_log').where('id', '=', removed.id).execute();
    });
    await ctx.db
      .insertInto('audit_log')
      .values({ occurred_at: new Date(), action: 'account.unlock', outcome: 'success', detail: '{}' })
      .execute();
    const report = await verifyAuditChain(ctx.db);
    expect(report.problems).toEqual(
      expect.arrayContaining([
        { kind: 'changed', at: String(changed.id) },
        { kind: 'removed', at: `链序 ${removed.seq}–${removed.seq}` },
        { kind: 'inserted', at: expect.any(String) },
      ]),
    );
    expect(report.problems).toHaveLength(3);
  });
});
