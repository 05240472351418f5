import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approve, cityRoute, writeUnitOpinion } from '../../../../test/desk-fixtures';
import {
  auditRows,
  loggedInAdmin,
  loggedInApplicant,
  multipart,
  pngBytes,
  unitWithInfo,
} from '../../../../test/fixtures';
import { pdfPages } from '../../../../test/pdf-text';
import { verifyAuditChain } from '../audit/audit-verify';
import { createTestContext, type Agent, type TestContext } from '../../../../test/test-app';

let ctx: TestContext;
let admin: Agent;
let route: Awaited<ReturnType<typeof cityRoute>>;
const desks = {} as Awaited<ReturnType<typeof cityRoute>>['desks'];

const unitOpinion = '该同志政治素质好，业务能力强。经公示（2026年5月10日至5月17日）无异议，材料真实，同意推荐。';
const cityOpinion = '材料齐全，符合申报条件，同意上报评委会。';

beforeAll(async () => {
  ctx = await createTestContext();
  ctx.clock.set('2026-05-26T02:00:00Z');
  admin = (await loggedInAdmin(ctx)).agent;
  route = await cityRoute(ctx, admin);
  Object.assign(desks, route.desks);
});
afterAll(() => ctx.close());

/** A city-level unit's application with every table filled (and a photo), submitted; at the unit's desk. */
async function submitted(name = '龚䶮喆') {
  const unit = await route.cityUnit();
  const app = await route.submitted(unit.unit.unitId, name, { everyTable: true, summaryChars: 9000 }, (a, id) =>
    a
      .request({
        method: 'POST',
        url: `/api/applications/${id}/attachments/award`,
        ...multipart('获奖照片.png', pngBytes, 'image/png'),
      })
      .then((res) => expect(res.status).toBe(201)),
  );
  return { unit: unit.agent, ...app };
}

/** Through the unit (with 表十二) and the city bureau: at 评委会电子材料审核. */
async function atCommittee(name?: string) {
  const app = await submitted(name);
  await writeUnitOpinion(app.unit, app.id, unitOpinion);
  expect((await approve(app.unit, app.id, '同意推荐')).status).toBe(200);
  expect((await approve(desks.city, app.id, cityOpinion)).status).toBe(200);
  return app;
}

describe('查看申报表: one document for every role that may see the application', () => {
  it('shows 表十二 to the reviewers above the unit and to the applicant once the unit has passed it', async () => {
    const app = await submitted();
    const before = (await app.applicant.get(`/api/applications/${app.id}/sheet`)).body;
    expect(before.unitOpinion).toBeNull();
    await writeUnitOpinion(app.unit, app.id, unitOpinion);
    // The unit is still writing it: the applicant does not read a draft opinion.
    expect((await app.applicant.get(`/api/applications/${app.id}/sheet`)).body.unitOpinion).toBeNull();
    expect((await app.unit.get(`/api/applications/${app.id}/sheet`)).body.unitOpinion).toBe(unitOpinion);
    await approve(app.unit, app.id, '同意推荐');
    for (const agent of [desks.city, app.applicant, app.unit]) {
      const sheet = (await agent.get(`/api/applications/${app.id}/sheet`)).body;
      expect(sheet.unitOpinion).toBe(unitOpinion);
      expect(sheet.committeeRecord.label).toBe('表十四：中级职称评审委员会评审记录');
      expect(sheet.recommendations.map((r: { stageLabel: string }) => r.stageLabel)).toEqual(['单位审核推荐意见']);
    }
  });

  it('refuses the wrong owner as a missing application, and a visitor', async () => {
    const app = await atCommittee();
    const stranger = (await loggedInApplicant(ctx)).agent;
    const otherUnit = (await unitWithInfo(ctx)).agent;
    for (const agent of [stranger, otherUnit, desks.otherCity, admin]) {
      for (const path of ['sheet', 'sheet/pdf']) {
        const res = await agent.get(`/api/applications/${app.id}/${path}`);
        expect(res.status).toBe(404);
        expect(res.body.message).toBe('申报不存在');
      }
    }
    expect((await ctx.agent().get(`/api/applications/${app.id}/sheet`)).status).toBe(401);
    expect((await ctx.agent().get(`/api/applications/${app.id}/sheet/pdf`)).status).toBe(401);
  });
});

describe('导出PDF from the committee print-from stage (§7.12)', () => {
  it('answers 当前状态不能打印申报表 before the stage, on the page and from the API', async () => {
    const app = await submitted();
    const sheet = (await app.unit.get(`/api/applications/${app.id}/sheet`)).body;
    expect(sheet.print).toEqual({
      allowed: false,
      message: '当前状态不能打印申报表：审核进度到达“评委会电子材料审核”后才能导出',
      withAttachments: false,
    });
    const res = await app.unit.get(`/api/applications/${app.id}/sheet/pdf`);
    expect(res.status).toBe(422);
    expect(res.body.message).toBe('当前状态不能打印申报表：审核进度到达“评委会电子材料审核”后才能导出');
    expect(await auditRows(ctx, 'application.print')).toEqual([]);
  });

  it('prints the whole form for every role at the stage: headings, the name, each stage opinion, page numbers', async () => {
    const app = await atCommittee('龚䶮喆');
    for (const agent of [app.applicant, app.unit, desks.city, desks.committee]) {
      expect((await agent.get(`/api/applications/${app.id}/sheet`)).body.print.allowed).toBe(true);
    }
    const res = await desks.committee.get(`/api/applications/${app.id}/sheet/pdf`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(String(res.headers['content-disposition'])).toContain(encodeURIComponent('申报评审表-龚䶮喆'));
    const pages = await pdfPages(res.raw);
    const text = pages.join('\n');
    expect(pages.length).toBeGreaterThan(4);
    expect(pages[0]).toMatch(/^专业技术职称申报评审表\s*姓\s*名\s*龚䶮喆/);
    for (const heading of [
      '表一：主要学习和工作经历',
      '表二：基本情况',
      '表三：专业技术工作总结',
      '表五：承担课题（项目）情况',
      '表六：获得专利情况',
      '表七：获得表彰奖励情况',
      '表十：个人承诺书',
      '表十一：年度考核情况（近五年）',
      '表十二：基层单位意见',
      '表十四：中级职称评审委员会评审记录',
      '表十七：审核推荐意见和评审结果确认意见',
    ])
      expect(text).toContain(heading);
    expect(text).toContain('龚䶮喆');
    expect(text).toContain('一种档案密集架防潮装置');
    expect(text.replace(/\s/g, '')).toContain(unitOpinion);
    expect(text).toContain('同意推荐');
    expect(text).toContain(cityOpinion);
    pages.forEach((page, i) => expect(page).toContain(`第 ${i + 1} 页 共 ${pages.length} 页`));
  });

  it('marks each print with a code the public page checks, the same code and bytes while the form is unchanged', async () => {
    const app = await atCommittee('欧阳堃犇');
    // Two desks print at once while the committee's 审核 waits for neither.
    const [first, again] = await Promise.all([
      app.unit.get(`/api/applications/${app.id}/sheet/pdf`),
      desks.committee.get(`/api/applications/${app.id}/sheet/pdf`),
    ]);
    expect(Buffer.compare(first.raw, again.raw)).toBe(0);
    const code = /核验码：([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4})/.exec((await pdfPages(first.raw))[0]!)![1]!;
    const prints = (await auditRows(ctx, 'application.print')).filter((r) => r.object_id === app.id);
    expect(prints).toHaveLength(2);

    const visitor = ctx.agent();
    const verified = await visitor.get(`/api/public/verifications/${code.toLowerCase().replaceAll('-', '')}`);
    expect(verified.status).toBe(200);
    expect(verified.body).toMatchObject({
      code,
      maskedName: '欧阳**',
      titleName: expect.any(String),
      seriesName: expect.stringContaining('档案'),
      matchesRecord: true,
    });
    expect(verified.body.digest).toMatch(/^[0-9a-f]{64}$/);
    const body = JSON.stringify(verified.body);
    expect(body).not.toContain('欧阳堃犇');
    expect(body).not.toMatch(/\d{17}[\dX]/);

    // The committee decides: 表十七 gains a line, so the paper no longer matches the record.
    expect((await approve(desks.committee, app.id, '电子材料审核通过')).status).toBe(200);
    expect((await visitor.get(`/api/public/verifications/${code}`)).body.matchesRecord).toBe(false);
    const reprint = await app.unit.get(`/api/applications/${app.id}/sheet/pdf`);
    expect((await pdfPages(reprint.raw))[0]).not.toContain(code);

    expect((await verifyAuditChain(ctx.db)).problems).toEqual([]);

    const unknown = await visitor.get('/api/public/verifications/2222-3333-4444-5555');
    expect(unknown.status).toBe(404);
    expect(unknown.body.message).toBe('核验码不存在，请核对纸质申报表上的核验码');
    expect((await visitor.get('/api/public/verifications/not-a-code')).status).toBe(400);
  });

  it('binds the attachments after the form with a table of contents, when asked or when the committee asks', async () => {
    const app = await atCommittee();
    const plain = await pdfPages((await app.unit.get(`/api/applications/${app.id}/sheet/pdf`)).raw);
    const res = await app.unit.get(`/api/applications/${app.id}/sheet/pdf?attachments=true`);
    expect(res.status).toBe(200);
    const bound = await pdfPages(res.raw);
    const attachments = (await app.unit.get(`/api/applications/${app.id}`)).body.attachments.length;
    // The form, one page of contents, then one page per attachment (one-page PDFs and a photo here).
    expect(bound.length).toBe(plain.length + 1 + attachments);
    expect(bound[plain.length]).toContain('附件材料目录');
    expect(bound[plain.length]).toContain('获奖照片.png');
    expect(bound[plain.length]).toContain('人社局要求附件 - 身份证');
    expect(bound[plain.length]).toContain(`第 ${plain.length + 2} 页`);
    bound.forEach((page, i) => expect(page).toContain(`第 ${i + 1} 页 共 ${bound.length} 页`));

    // The committee asks for them bound: 导出PDF binds them unless the printer says otherwise.
    const committee = (await admin.get('/api/admin/committees')).body.find(
      (c: { id: string }) => c.id === route.world.committeeId,
    );
    const { id: _id, seriesName: _s, batches: _b, ...body } = committee;
    const saved = await admin.request({
      method: 'PUT',
      url: `/api/admin/committees/${route.world.committeeId}`,
      payload: { ...body, pdfWithAttachments: true },
    });
    expect(saved.status).toBe(200);
    expect((await app.unit.get(`/api/applications/${app.id}/sheet`)).body.print.withAttachments).toBe(true);
    expect(await pdfPages((await app.unit.get(`/api/applications/${app.id}/sheet/pdf`)).raw)).toHaveLength(
      bound.length,
    );
    const formOnly = await app.unit.get(`/api/applications/${app.id}/sheet/pdf?attachments=false`);
    expect(await pdfPages(formOnly.raw)).toHaveLength(plain.length);
  });
});
