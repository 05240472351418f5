import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approve, cityRoute, writeUnitOpinion } from '../../../../test/desk-fixtures';
import { auditRows, loggedInAdmin, loggedInApplicant } from '../../../../test/fixtures';
import { pdfPages } from '../../../../test/pdf-text';
import { createTestContext, type Agent, type TestContext } from '../../../../test/test-app';

let ctx: TestContext;
let admin: Agent;
let route: Awaited<ReturnType<typeof cityRoute>>;

beforeAll(async () => {
  ctx = await createTestContext();
  ctx.clock.set('2026-05-26T02:00:00Z');
  admin = (await loggedInAdmin(ctx)).agent;
  route = await cityRoute(ctx, admin);
});
afterAll(() => ctx.close());

/** Two applications of one city unit: the first passed on to the committee, the second at the city. */
async function twoAtTheCity() {
  const unit = await route.cityUnit();
  const ids: string[] = [];
  for (const name of ['龚䶮喆', '李堃']) {
    const { id } = await route.submitted(unit.unit.unitId, name);
    await writeUnitOpinion(unit.agent, id, '同意推荐');
    expect((await approve(unit.agent, id)).status).toBe(200);
    ids.push(id);
  }
  expect((await approve(route.desks.city, ids[0]!)).status).toBe(200);
  return { unit: unit.agent, ids };
}

describe('导出到YPPM5.0 (the default zhicheng-zip exporter)', () => {
  it('packs each checked application as form.json and its PDF, with a manifest of digests', async () => {
    const { ids } = await twoAtTheCity();
    const res = await route.desks.city.post('/api/exports/yppm', { ids });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/zip');
    const zip = await JSZip.loadAsync(res.raw);
    const names = Object.keys(zip.files)
      .filter((n) => !zip.files[n]!.dir)
      .sort();
    expect(names).toEqual(['001-龚䶮喆/form.json', '001-龚䶮喆/申报评审表.pdf', '002-李堃/form.json', '清单.xlsx']);

    const form = JSON.parse(await zip.file('001-龚䶮喆/form.json')!.async('string'));
    expect(form).toMatchObject({ format: 'zhicheng-form', declaration: 'yunnan-archives', cover: { name: '龚䶮喆' } });
    expect(Object.keys(form.form)).toEqual([
      'table1',
      'table2',
      'table3',
      'table4',
      'table5',
      'table6',
      'table7',
      'table8',
      'table9',
      'table10',
      'table11',
    ]);
    const pdf = await zip.file('001-龚䶮喆/申报评审表.pdf')!.async('nodebuffer');
    expect((await pdfPages(pdf))[0]).toContain('龚䶮喆');

    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await zip.file('清单.xlsx')!.async('nodebuffer')) as unknown as ArrayBuffer);
    const rows = book.getWorksheet('清单')!.getSheetValues().slice(2) as unknown[][];
    expect(rows).toHaveLength(3);
    for (const row of rows) {
      const [, , name, idNumber, , , , path, bytes, digest, note] = row as string[];
      const content = await zip.file(path as string)!.async('nodebuffer');
      expect(bytes).toBe(content.length);
      expect(digest).toBe(createHash('sha256').update(content).digest('hex'));
      expect(idNumber).toMatch(/^\d{4}\*{10}[\dX]{4}$/);
      if (name === '李堃') expect(note).toContain('未附申报评审表PDF：当前状态不能打印申报表');
    }
    const audit = (await auditRows(ctx, 'application.export')).at(-1);
    expect(audit?.detail).toMatchObject({ format: 'zhicheng-zip', count: 2 });
  });

  it('refuses the whole export when one application is not the desk’s, and the wrong roles', async () => {
    const { unit, ids } = await twoAtTheCity();
    const mixed = await route.desks.otherCity.post('/api/exports/yppm', { ids });
    expect(mixed.status).toBe(404);
    expect(mixed.body.message).toBe('申报不存在');
    const applicant = (await loggedInApplicant(ctx)).agent;
    expect((await applicant.post('/api/exports/yppm', { ids })).status).toBe(403);
    expect((await admin.post('/api/exports/yppm', { ids })).status).toBe(403);
    expect((await ctx.agent().post('/api/exports/yppm', { ids })).status).toBe(401);
    const none = await unit.post('/api/exports/yppm', { ids: [] });
    expect(none.status).toBe(400);
    expect(none.body.message).toContain('请勾选需要导出的人员');
  });
});
