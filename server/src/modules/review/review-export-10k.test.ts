import { afterAll, beforeAll, expect, it } from 'vitest';
import { maskIdNumber, maskPhone } from '#common';
import { createTestContext, type Agent, type Reply, type TestContext } from '../../../../test/test-app';
import { engine } from '../../../../test/test-database';
import {
  adminCreates,
  archivesChoices,
  loggedInAdmin,
  reviewWorld,
  submittedApplication,
  unitWithInfo,
} from '../../../../test/fixtures';
import { insertSubmittedCopies, type BulkApplicant } from '../../../../test/bulk-applications';
import { readSheet, unitDeskHeadings } from '../../../../test/xlsx';

/**
 * 导出评审名单 of a desk of 10,000 applications (written straight into the tables: through the API it
 * would take hours), read back with exceljs. The time and the process's peak RSS of the export are logged,
 * not asserted.
 */
const copies = 10_000;
let ctx: TestContext;
let unit: Agent;
let unitId: number;
let year: number;
let people: BulkApplicant[];

beforeAll(async () => {
  ctx = await createTestContext();
  ctx.clock.set('2026-05-26T02:00:00Z');
  const admin = (await loggedInAdmin(ctx)).agent;
  await adminCreates(admin, '/api/admin/hr-bureaus', { name: '五华区人社局', regionCode: '530102' });
  await adminCreates(admin, '/api/admin/hr-bureaus', { name: '昆明市人社局', regionCode: '530100' });
  const world = await reviewWorld(ctx, admin);
  year = world.year;
  const owner = await unitWithInfo(ctx);
  unit = owner.agent;
  unitId = owner.unit.unitId;
  const template = await submittedApplication(ctx, unitId, world, await archivesChoices(ctx));
  // Every fourth of last year, for the 年份 filter.
  people = await insertSubmittedCopies(ctx, template.id, copies, {
    vary: (i) => (i % 4 === 0 ? { year: year - 1 } : {}),
  });
}, 300_000);
afterAll(() => ctx.close());

/** The export, with its time and the highest RSS seen while it ran. */
async function measured(url: string): Promise<Reply> {
  const before = process.memoryUsage().rss;
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
  const started = performance.now();
  const reply = await unit.get(url);
  const ms = performance.now() - started;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  const mb = (bytes: number) => (bytes / 2 ** 20).toFixed(0);
  console.info(
    `[导出评审名单 ${engine}] ${url}: ${ms.toFixed(0)} ms, ${(reply.raw.length / 1024).toFixed(0)} KiB, ` +
      `RSS ${mb(before)} → peak ${mb(peak)} MiB (+${mb(peak - before)})`,
  );
  expect(reply.status, JSON.stringify(reply.body)).toBe(200);
  return reply;
}

it('exports 10,000 applications of a desk in the list’s order, numbers masked, and only those the filter keeps', async () => {
  const rows = await readSheet((await measured('/api/review/desk/export?kind=evaluation')).raw);
  expect(rows[0]).toEqual(unitDeskHeadings);
  expect(rows).toHaveLength(1 + copies + 1);
  expect(rows.slice(1).map((r) => r[0])).toEqual(Array.from({ length: copies + 1 }, (_, i) => String(i + 1)));

  // The list's order (newest submission first, then the higher id), across every batch of the export.
  const expected = await ctx.db
    .selectFrom('application')
    .innerJoin('applicant', 'applicant.account_id', 'application.applicant_account_id')
    .select('applicant.name')
    .where('application.holder_kind', '=', 'unit')
    .where('application.holder_org_id', '=', unitId)
    .orderBy('application.submitted_at', 'desc')
    .orderBy('application.id', 'desc')
    .execute();
  expect(rows.slice(1).map((r) => r[1])).toEqual(expected.map((r) => r.name));

  const byName = new Map(people.map((p) => [p.name, p]));
  const whole = new Set(people.flatMap((p) => [p.idNumber, p.phone]));
  for (const row of rows.slice(1)) {
    expect(row[3]).toMatch(/^\d{4}\*{10}[\dX]{4}$/);
    expect(row[4]).toMatch(/^1\d{2}\*{4}\d{4}$/);
    expect(whole.has(row[3]!) || whole.has(row[4]!)).toBe(false);
    const person = byName.get(row[1]!);
    if (person) expect([row[3], row[4]]).toEqual([maskIdNumber(person.idNumber), maskPhone(person.phone)]);
  }

  const lastYear = await readSheet((await measured(`/api/review/desk/export?kind=evaluation&year=${year - 1}`)).raw);
  expect(lastYear).toHaveLength(1 + copies / 4);
  expect(new Set(lastYear.slice(1).map((r) => r[1]))).toEqual(
    new Set(people.filter((_, i) => i % 4 === 0).map((p) => p.name)),
  );
}, 300_000);
