import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Agent, type Reply, type TestContext } from '../../../../test/test-app';
import {
  adminCreates,
  archivesChoices,
  auditRows,
  loggedInAdmin,
  loggedInApplicant,
  loggedInReviewer,
  reviewWorld,
  submittedApplication,
  unitWithInfo,
} from '../../../../test/fixtures';
import { insertSubmittedCopies } from '../../../../test/bulk-applications';
import { readSheet, unitDeskHeadings } from '../../../../test/xlsx';
import { beijingMinute } from '../../clock';
import { writeXlsx } from '../exports/xlsx-stream';
import { wholeList } from './review.repository';

/**
 * 导出评审名单 on small lists: who may export which list, the page's columns and masking, the filters,
 * whole numbers for a configured organisation only, the cap, and reading a batch at a time.
 * (10,000 rows: review-export-10k.test.ts.)
 */
let ctx: TestContext;
let admin: Agent;
let world: Awaited<ReturnType<typeof reviewWorld>>;
let choices: Awaited<ReturnType<typeof archivesChoices>>;
const desks: Record<string, Agent> = {};
let unitA: Awaited<ReturnType<typeof unitWithInfo>>;
let a1: Awaited<ReturnType<typeof submittedApplication>>;
let a2: Awaited<ReturnType<typeof submittedApplication>>;
let b1: Awaited<ReturnType<typeof submittedApplication>>;

beforeAll(async () => {
  // Only the HR bureaus may have whole numbers; a list of more than 3 rows is too long.
  ctx = await createTestContext({ EXPORT_REVEAL_ORG_KINDS: 'hrBureau', EXPORT_MAX_ROWS: '3' });
  ctx.clock.set('2026-05-26T02:00:00Z');
  admin = (await loggedInAdmin(ctx)).agent;
  const county = await adminCreates(admin, '/api/admin/hr-bureaus', { name: '五华区人社局', regionCode: '530102' });
  const otherCounty = await adminCreates(admin, '/api/admin/hr-bureaus', {
    name: '盘龙区人社局',
    regionCode: '530103',
  });
  await adminCreates(admin, '/api/admin/hr-bureaus', { name: '昆明市人社局', regionCode: '530100' });
  world = await reviewWorld(ctx, admin);
  choices = await archivesChoices(ctx);
  desks.county = (await loggedInReviewer(ctx, admin, 'hrBureau', county)).agent;
  desks.otherCounty = (await loggedInReviewer(ctx, admin, 'hrBureau', otherCounty)).agent;
  desks.committee = (await loggedInReviewer(ctx, admin, 'committee', world.committeeId)).agent;
  unitA = await unitWithInfo(ctx);
  a1 = await submittedApplication(ctx, unitA.unit.unitId, world, choices);
  a2 = await submittedApplication(ctx, unitA.unit.unitId, world, choices);
  const unitB = await unitWithInfo(ctx);
  b1 = await submittedApplication(ctx, unitB.unit.unitId, world, choices);
}, 120_000);
afterAll(() => ctx.close());

const exportOf = (agent: Agent, list: 'desk' | 'records', query = '') =>
  agent.get(`/api/review/${list}/export${query}`);

async function rowsOf(reply: Reply): Promise<string[][]> {
  expect(reply.status, JSON.stringify(reply.body)).toBe(200);
  return readSheet(reply.raw);
}

const namesOf = (rows: string[][]) => rows.slice(1).map((r) => r[1]);

async function approveAtUnit(unit: Agent, id: string): Promise<void> {
  const held = (await unit.get(`/api/review/applications/${id}/unit-opinion`)).body;
  const saved = await unit.request({
    method: 'PUT',
    url: `/api/review/applications/${id}/unit-opinion`,
    payload: { version: held.version, unitOpinion: '同意推荐。' },
  });
  const res = await unit.post('/api/review/decisions', {
    items: [{ id, version: saved.body.version }],
    action: 'approve',
  });
  expect(res.status).toBe(200);
}

describe('导出评审名单', () => {
  it('exports a unit’s 申报审核 as the page lists it: its own applications, the page’s headings, numbers masked as the list masks them, audited', async () => {
    const res = await exportOf(unitA.agent, 'desk', '?kind=evaluation');
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename*=UTF-8''${encodeURIComponent('评审名单-2026-05-26.xlsx')}`,
    );
    const rows = await rowsOf(res);
    expect(rows[0]).toEqual(unitDeskHeadings);
    const list = (await unitA.agent.get('/api/review/desk?kind=evaluation')).body.items as Record<string, string>[];
    expect(list).toHaveLength(2);
    expect(rows.slice(1)).toEqual(
      list.map((r, i) => [
        String(i + 1),
        r.name,
        unitA.unit.unitName,
        r.idNumberMasked,
        r.phoneMasked,
        '档案·馆员（中级）',
        r.committeeName,
        beijingMinute(new Date(r.submittedAt!)),
        '未填写',
      ]),
    );
    expect(namesOf(rows).sort()).toEqual([a1.person.name, a2.person.name].sort());
    expect(namesOf(rows)).not.toContain(b1.person.name);
    const a1Row = rows.find((r) => r[1] === a1.person.name)!;
    expect(a1Row[3]).toMatch(/^\d{4}\*{10}[\dX]{4}$/);
    expect(a1Row[3]).not.toBe(a1.person.idNumber);
    expect(a1Row[4]).toBe(`${a1.person.phone.slice(0, 3)}****${a1.person.phone.slice(-4)}`);

    const audit = (await auditRows(ctx, 'review.export')).at(-1)!;
    expect(audit.actor_account_id).toBe(unitA.unit.accountId);
    expect(audit.detail).toEqual({ list: 'desk', filters: { kind: 'evaluation' }, rows: 2, revealed: false });
  });

  it('applies the list’s filters: 姓名 or a whole 身份证号 (masked in the audit trail), 年份', async () => {
    const byName = await rowsOf(await exportOf(unitA.agent, 'desk', `?keyword=${encodeURIComponent(a1.person.name)}`));
    expect(namesOf(byName)).toEqual([a1.person.name]);
    const byId = await rowsOf(await exportOf(unitA.agent, 'desk', `?keyword=${a2.person.idNumber}`));
    expect(namesOf(byId)).toEqual([a2.person.name]);
    const audit = (await auditRows(ctx, 'review.export')).at(-1)!;
    expect(JSON.stringify(audit.detail)).not.toContain(a2.person.idNumber);
    expect((audit.detail as { filters: { keyword: string } }).filters.keyword).toMatch(/^\d{4}\*{10}[\dX]{4}$/);
    const lastYear = await rowsOf(await exportOf(unitA.agent, 'desk', `?year=${world.year - 1}`));
    expect(lastYear).toHaveLength(1);
  });

  it('gives a reviewer what is routed to its desk, and 审核记录 what a desk decided on', async () => {
    await approveAtUnit(unitA.agent, a1.id);
    const county = await rowsOf(await exportOf(desks.county!, 'desk'));
    // Both kinds in a reviewer's list: the kind has its own column, as the page's tag beside the title.
    expect(county[0]).toEqual([
      '序号',
      '姓名',
      '所属单位',
      '身份证号',
      '手机号码',
      '申报职称',
      '申报类别',
      '评委会',
      '提交时间',
    ]);
    expect(namesOf(county)).toEqual([a1.person.name]);
    expect(county[1]![6]).toBe('申报评审');
    expect(await rowsOf(await exportOf(desks.otherCounty!, 'desk'))).toHaveLength(1);
    expect(namesOf(await rowsOf(await exportOf(unitA.agent, 'desk')))).toEqual([a2.person.name]);

    const records = await rowsOf(await exportOf(unitA.agent, 'records', '?kind=evaluation'));
    expect(records[0]).toEqual(['序号', '姓名', '所属单位', '身份证号', '手机号码', '申报职称', '评委会', '当前进度']);
    expect(records.slice(1).map((r) => [r[1], r[7]])).toEqual([[a1.person.name, '县区人社局审核中（五华区人社局）']]);
    expect(await rowsOf(await exportOf(desks.county!, 'records'))).toHaveLength(1);
  });

  it('refuses the applicant and the admin (403) and a visitor (401)', async () => {
    const { agent: applicant } = await loggedInApplicant(ctx);
    for (const url of ['/api/review/desk/export', '/api/review/records/export', '/api/review/export-options']) {
      expect((await applicant.get(url)).status, url).toBe(403);
      expect((await admin.get(url)).status, url).toBe(403);
      expect((await ctx.agent().get(url)).status, url).toBe(401);
    }
  });

  it('gives whole numbers only to an organisation configured for them that asks, and audits it', async () => {
    const before = (await auditRows(ctx, 'review.export')).length;
    for (const agent of [unitA.agent, desks.committee!]) {
      const refused = await exportOf(agent, 'desk', '?reveal=true');
      expect(refused.status).toBe(403);
      expect(refused.body.message).toBe('本账号无权导出完整的身份证号和手机号');
      expect((await agent.get('/api/review/export-options')).body).toEqual({ reveal: false });
    }
    expect((await desks.county!.get('/api/review/export-options')).body).toEqual({ reveal: true });
    expect((await auditRows(ctx, 'review.export')).length).toBe(before);

    const masked = await rowsOf(await exportOf(desks.county!, 'desk'));
    expect(masked[1]![3]).not.toBe(a1.person.idNumber);
    const whole = await rowsOf(await exportOf(desks.county!, 'desk', '?reveal=true'));
    expect(whole[1]!.slice(1, 5)).toEqual([a1.person.name, unitA.unit.unitName, a1.person.idNumber, a1.person.phone]);
    const audit = (await auditRows(ctx, 'review.export')).at(-1)!;
    expect(audit.actor_role).toBe('reviewer');
    expect(audit.detail).toEqual({ list: 'desk', filters: {}, rows: 1, revealed: true });
  });

  it('refuses a list longer than EXPORT_MAX_ROWS with a request to filter it, and exports it filtered', async () => {
    const unitC = await unitWithInfo(ctx);
    const c1 = await submittedApplication(ctx, unitC.unit.unitId, world, choices);
    await insertSubmittedCopies(ctx, c1.id, 3, { vary: (i) => (i === 0 ? {} : { year: world.year - 1 }) });
    const before = (await auditRows(ctx, 'review.export')).length;
    const tooLong = await exportOf(unitC.agent, 'desk');
    expect(tooLong.status).toBe(422);
    expect(tooLong.body.message).toBe('导出超过3条，请先按条件筛选');
    expect((await auditRows(ctx, 'review.export')).length).toBe(before);
    expect(await rowsOf(await exportOf(unitC.agent, 'desk', `?year=${world.year}`))).toHaveLength(3);
  });

  it('reads the list in the page’s order a batch at a time, and stops reading when the client has gone', async () => {
    const unitD = await unitWithInfo(ctx);
    const d1 = await submittedApplication(ctx, unitD.unit.unitId, world, choices);
    await insertSubmittedCopies(ctx, d1.id, 2);
    const list = wholeList(ctx.db, 'desk', { orgKind: 'unit', orgId: unitD.unit.unitId }, {});
    const page = (await unitD.agent.get('/api/review/desk')).body.items.map((r: { name: string }) => r.name);
    const batches: string[][] = [];
    for await (const batch of list.batches(1, new AbortController().signal))
      batches.push(batch.map((r) => r.person_name));
    expect(batches).toEqual(page.map((name: string) => [name]));

    const gone = new AbortController();
    let read = 0;
    for await (const batch of list.batches(1, gone.signal)) {
      read += batch.length;
      gone.abort();
    }
    expect(read).toBe(1);

    // The writer asks for no further batch once the client has gone.
    const client = new AbortController();
    let pulled = 0;
    async function* rows() {
      for (let i = 0; i < 100; i++) {
        pulled++;
        if (i === 2) client.abort();
        yield [[i + 1, `第${i + 1}行`]];
      }
    }
    const written = await writeXlsx(
      new PassThrough(),
      {
        name: 't',
        columns: [
          { header: '序号', width: 8 },
          { header: '内容', width: 20 },
        ],
      },
      rows(),
      client.signal,
    );
    expect([written, pulled]).toEqual([3, 3]);
  });
});
