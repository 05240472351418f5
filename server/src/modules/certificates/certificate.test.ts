import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approve, cityRoute, writeUnitOpinion } from '../../../../test/desk-fixtures';
import {
  archivesChoices,
  auditRows,
  createDraft,
  loggedInAdmin,
  loggedInApplicant,
  loggedInReviewer,
  reviewWorld,
  submittedApplication,
  unitWithInfo,
} from '../../../../test/fixtures';
import { pdfPages } from '../../../../test/pdf-text';
import { createTestContext, type Agent, type TestContext } from '../../../../test/test-app';
import { systemActor } from '../../domain/actor';
import type { CertificateRow } from './certificate.repository';
import { issueCertificate, type IssueCertificateInput } from './certificate.service';

let ctx: TestContext;
let admin: Agent;
let route: Awaited<ReturnType<typeof cityRoute>>;
let choices: Awaited<ReturnType<typeof archivesChoices>>;

beforeAll(async () => {
  ctx = await createTestContext();
  ctx.clock.set('2026-05-26T02:00:00Z');
  admin = (await loggedInAdmin(ctx)).agent;
  route = await cityRoute(ctx, admin);
  choices = await archivesChoices(ctx);
});
afterAll(() => ctx.close());

/** A person of a new city-level unit with an application submitted to the unit's desk. */
async function submitted() {
  const unit = await route.cityUnit();
  const app = await submittedApplication(ctx, unit.unit.unitId, route.world, choices);
  return { unit: unit.agent, ...app };
}

/** The unit writes 表十二 and passes it on: at the city bureau's desk. */
async function passUnit(app: { unit: Agent; id: string }) {
  await writeUnitOpinion(app.unit, app.id, '该同志业务能力强，同意推荐。');
  expect((await approve(app.unit, app.id)).status).toBe(200);
}

/** Through the unit and the city bureau: at the committee's desk. */
async function atCommittee(app: { unit: Agent; id: string }) {
  await passUnit(app);
  expect((await approve(route.desks.city, app.id)).status).toBe(200);
}

/** What the HR department's 确认 will do for each confirmed application, in its transaction. */
function issue(applicationId: string | number, input: Partial<IssueCertificateInput> = {}) {
  return ctx.db.transaction().execute((trx) =>
    issueCertificate(trx, ctx.clock.now(), {
      applicationId: Number(applicationId),
      qualifiedOn: '2026-12-01',
      documentNumber: '云人社〔2026〕88号',
      actor: systemActor,
      ...input,
    }),
  );
}

async function setPattern(committeeId: string, certificatePattern: string) {
  const committee = (await admin.get('/api/admin/committees')).body.find((c: { id: string }) => c.id === committeeId);
  const { name, seriesCode, titleLevels, printFromStage, pdfWithAttachments, notice } = committee;
  return admin.request({
    method: 'PUT',
    url: `/api/admin/committees/${committeeId}`,
    payload: { name, seriesCode, titleLevels, printFromStage, pdfWithAttachments, notice, certificatePattern },
  });
}

describe('发放电子证书 (issueCertificate)', () => {
  it('numbers certificates in the committee’s pattern, kept in 评委会管理', async () => {
    const { committeeId, year } = route.world;
    const listed = (await admin.get('/api/admin/committees')).body.find((c: { id: string }) => c.id === committeeId);
    expect(listed.certificatePattern).toBe('云档证{year}{level}{seq:5}');
    const refused = await setPattern(committeeId, '云档证{year}{level}');
    expect(refused.status).toBe(400);
    expect(refused.body.message).toMatch(/须含流水号/);
    expect((await setPattern(committeeId, '滇档{committee}-{year}{level}{seq:3}')).status).toBe(200);
    expect((await auditRows(ctx, 'committee.update')).at(-1)?.detail).toMatchObject({
      certificatePattern: '滇档{committee}-{year}{level}{seq:3}',
    });

    const first = await submitted();
    const second = await submitted();
    const a = await issue(first.id);
    const b = await issue(second.id);
    // 馆员 is 中级: Z.
    expect(a.number).toBe(`滇档${committeeId}-${year}Z001`);
    expect(b.number).toBe(`滇档${committeeId}-${year}Z002`);
    expect(a).toMatchObject({
      application_id: Number(first.id),
      committee_id: Number(committeeId),
      holder_name: first.person.name,
      series_name: '档案',
      title_name: '馆员',
      title_level: 'intermediate',
      qualified_on: '2026-12-01',
      document_number: '云人社〔2026〕88号',
      revoked_at: null,
    });
    const audit = (await auditRows(ctx, 'certificate.issue')).find((r) => r.object_id === String(a.id));
    expect(audit?.detail).toMatchObject({ applicationId: Number(first.id), number: a.number });
  });

  it('gives an application its certificate once: a second call returns the same one', async () => {
    const app = await submitted();
    const first = await issue(app.id);
    const again = await issue(app.id, { documentNumber: '另一个文号', qualifiedOn: '2027-01-01' });
    expect(again).toEqual(first);
    const audits = (await auditRows(ctx, 'certificate.issue')).filter((r) => r.object_id === String(first.id));
    expect(audits).toHaveLength(1);
  });

  it('gives concurrent issues distinct numbers', async () => {
    const apps = [];
    for (let i = 0; i < 4; i++) apps.push(await submitted());
    const issued = await Promise.all(apps.map((a) => issue(a.id)));
    const numbers = issued.map((c) => c.number);
    expect(new Set(numbers).size).toBe(4);
    const seqs = numbers.map((n) => Number(n.slice(-3))).sort((x, y) => x - y);
    expect(seqs.at(-1)! - seqs[0]!).toBe(3);
  });

  it('issues several levels in one transaction beside another without a deadlock', async () => {
    // Drafts will do: issuing needs the application's committee, title and cover only.
    const junior = await ctx.db
      .selectFrom('title')
      .select('id')
      .where('name', '=', '助理馆员')
      .executeTakeFirstOrThrow();
    const draft = async (titleId: string) => {
      const unit = await route.cityUnit();
      const { agent } = await loggedInApplicant(ctx, unit.unit.unitId);
      return createDraft(agent, route.world, { ...choices, titleId });
    };
    const [a, b, c] = [await draft(choices.titleId), await draft(String(junior.id)), await draft(String(junior.id))];
    const issueIn = (trx: Parameters<typeof issueCertificate>[0], id: string) =>
      issueCertificate(trx, ctx.clock.now(), {
        applicationId: Number(id),
        qualifiedOn: '2026-12-01',
        documentNumber: '云人社〔2026〕89号',
        actor: systemActor,
      });
    let other: Promise<CertificateRow> | undefined;
    // The first takes the 中级 counter and the audit chain; while the second begins with the 初级
    // counter, the first wants the 初级 counter too.
    const [x, y] = await ctx.db.transaction().execute(async (trx) => {
      const one = await issueIn(trx, a);
      other = ctx.db.transaction().execute((t) => issueIn(t, c));
      await new Promise((done) => setTimeout(done, 300));
      return [one, await issueIn(trx, b)];
    });
    const z = await other!;
    expect([x!.number, y!.number, z.number].map((n) => n.replace(/\d+$/, '').slice(-1))).toEqual(['Z', 'C', 'C']);
    expect(new Set([x!.number, y!.number, z.number]).size).toBe(3);
  });

  it('gives two committees with the same pattern distinct numbers', async () => {
    const other = await reviewWorld(ctx, admin);
    const shared = '共用{year}{level}{seq:4}';
    expect((await setPattern(route.world.committeeId, shared)).status).toBe(200);
    expect((await setPattern(other.committeeId, shared)).status).toBe(200);
    const here = await submitted();
    const unit = await route.cityUnit();
    const there = await submittedApplication(ctx, unit.unit.unitId, other, choices);
    const a = await issue(here.id);
    const b = await issue(there.id);
    expect([a.number, b.number].sort()).toEqual([`共用${other.year}Z0001`, `共用${other.year}Z0002`]);
  });

  it('refuses a date that is not one and an empty 文号', async () => {
    const app = await submitted();
    await expect(issue(app.id, { qualifiedOn: '2026-02-30' })).rejects.toThrow(/取得资格时间/);
    await expect(issue(app.id, { documentNumber: '  ' })).rejects.toThrow(/文号/);
    await expect(issue(999_999)).rejects.toThrow(/申报不存在/);
  });
});

describe('电子证书: who reads it, its PDF, its revocation', () => {
  it('shows the certificate to its applicant and the desks it reached, to nobody else', async () => {
    const app = await submitted();
    expect((await app.applicant.get(`/api/applications/${app.id}/certificate`)).body.message).toBe(
      '该申报尚未发放电子证书',
    );
    await passUnit(app);
    const c = await issue(app.id);

    for (const agent of [app.applicant, app.unit, route.desks.city]) {
      const res = await agent.get(`/api/applications/${app.id}/certificate`);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        id: String(c.id),
        applicationId: app.id,
        number: c.number,
        holderName: app.person.name,
        seriesName: '档案',
        titleName: '馆员',
        titleLevel: 'intermediate',
        qualifiedOn: '2026-12-01',
        documentNumber: '云人社〔2026〕88号',
        revokedAt: null,
        revokedReason: null,
        canRevoke: false,
      });
    }
    const stranger = (await loggedInApplicant(ctx)).agent;
    const otherUnit = (await unitWithInfo(ctx)).agent;
    // The committee's desk has not been reached yet.
    for (const agent of [stranger, otherUnit, route.desks.otherCity, route.desks.committee, admin]) {
      for (const path of ['certificate', 'certificate/pdf']) {
        const res = await agent.get(`/api/applications/${app.id}/${path}`);
        expect(res.status, `${path}`).toBe(404);
      }
    }
    expect((await ctx.agent().get(`/api/applications/${app.id}/certificate`)).status).toBe(401);
  });

  it('prints the certificate with its number, name and the address of the public check', async () => {
    const app = await submitted();
    const c = await issue(app.id);
    const res = await app.applicant.get(`/api/applications/${app.id}/certificate/pdf`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(decodeURIComponent(String(res.headers['content-disposition']))).toContain(`${app.person.name}-${c.number}`);
    const pages = await pdfPages(res.raw);
    expect(pages).toHaveLength(1);
    const text = pages[0]!;
    for (const part of [
      '专业技术资格电子证书',
      c.number,
      app.person.name,
      '档案系列',
      '馆员',
      '中级',
      '2026年12月01日',
    ])
      expect(text).toContain(part);
    expect(text).toContain('云人社〔2026〕88号');
    expect(text).toContain(`/#/certificate?number=${encodeURIComponent(c.number)}`);
    expect(text).not.toContain(app.person.idNumber);
  });

  it('lets only a reviewer of the issuing committee revoke, with a reason, once, and logs it', async () => {
    const app = await submitted();
    await atCommittee(app);
    const c = await issue(app.id);
    const committee = route.desks.committee;
    expect((await committee.get(`/api/applications/${app.id}/certificate`)).body.canRevoke).toBe(true);

    const other = await reviewWorld(ctx, admin);
    const otherCommittee = (await loggedInReviewer(ctx, admin, 'committee', other.committeeId)).agent;
    const url = `/api/certificates/${c.id}/revoke`;
    const reason = '申报材料弄虚作假，经查证属实';
    for (const agent of [otherCommittee, route.desks.city])
      expect((await agent.post(url, { reason })).status).toBe(404);
    for (const agent of [app.applicant, app.unit, admin]) expect((await agent.post(url, { reason })).status).toBe(403);
    expect((await committee.post(`/api/certificates/999999/revoke`, { reason })).status).toBe(404);
    const short = await committee.post(url, { reason: '假' });
    expect(short.status).toBe(400);
    expect(short.body.message).toMatch(/至少2个字/);

    ctx.clock.advance(60_000);
    const revoked = await committee.post(url, { reason: `  ${reason} ` });
    expect(revoked.status).toBe(200);
    expect(revoked.body).toMatchObject({ revokedReason: reason, canRevoke: false });
    expect(revoked.body.revokedAt).toBe(ctx.clock.now().toISOString());
    const audit = (await auditRows(ctx, 'certificate.revoke')).at(-1);
    expect(audit).toMatchObject({ object_type: 'certificate', object_id: String(c.id), actor_role: 'reviewer' });
    expect(audit?.detail).toMatchObject({ number: c.number, reason, applicationId: Number(app.id) });

    const again = await committee.post(url, { reason });
    expect(again.status).toBe(422);
    expect(again.body.message).toBe('该证书已撤销');
    const seen = await app.applicant.get(`/api/applications/${app.id}/certificate`);
    expect(seen.body).toMatchObject({ revokedReason: reason, revokedAt: revoked.body.revokedAt });
    const pdf = await app.applicant.get(`/api/applications/${app.id}/certificate/pdf`);
    expect(pdf.status).toBe(422);
    expect(pdf.body.message).toBe('该证书已撤销');
    // The holder is told in 我的消息, by the committee, with the reason.
    const inbox = (await app.applicant.get('/api/messages/inbox')).body.items as { content: string }[];
    expect(
      inbox
        .filter((m) => m.content.startsWith(`您的专业技术资格电子证书（编号 ${c.number}）已被`))
        .map((m) => m.content),
    ).toEqual([expect.stringContaining(`撤销，原因：${reason}。`)]);
  });
});

describe('证书核验 (public)', () => {
  const verify = (number: string, name: string) =>
    ctx
      .agent()
      .get(`/api/public/certificates/verify?number=${encodeURIComponent(number)}&name=${encodeURIComponent(name)}`);

  it('answers only for number and full name together, and never with an ID number or phone', async () => {
    const app = await submitted();
    const c = await issue(app.id);
    const valid = await verify(` ${c.number} `, app.person.name);
    expect(valid.status).toBe(200);
    expect(valid.body).toEqual({
      valid: true,
      status: 'valid',
      message: '证书有效',
      number: c.number,
      holderName: app.person.name,
      seriesName: '档案',
      titleName: '馆员',
      titleLevel: 'intermediate',
      qualifiedOn: '2026-12-01',
      revokedAt: null,
    });
    const raw = valid.raw.toString();
    expect(raw).not.toContain(app.person.idNumber);
    expect(raw).not.toContain(app.person.phone);

    const wrongName = await verify(c.number, app.person.name.slice(0, -1));
    const wrongNumber = await verify(`${c.number}9`, app.person.name);
    const notFound = { valid: false, status: 'notFound', message: '未找到该证书，请核对证书编号和姓名' };
    expect(wrongName.body).toEqual(notFound);
    expect(wrongNumber.body).toEqual(notFound);

    const missing = await ctx.agent().get(`/api/public/certificates/verify?number=${encodeURIComponent(c.number)}`);
    expect(missing.status).toBe(400);
    expect(missing.body.message).toMatch(/请输入姓名/);
  });

  it('says a revoked certificate is revoked', async () => {
    const app = await submitted();
    await atCommittee(app);
    const c = await issue(app.id);
    expect((await route.desks.committee.post(`/api/certificates/${c.id}/revoke`, { reason: '撤销测试' })).status).toBe(
      200,
    );
    const res = await verify(c.number, app.person.name);
    expect(res.body).toMatchObject({ valid: false, status: 'revoked', message: '证书已撤销', number: c.number });
    expect(res.body.revokedAt).toEqual(expect.any(String));
  });
});
