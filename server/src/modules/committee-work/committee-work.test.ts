import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drawExperts } from '#common';
import { approve, cityRoute, writeUnitOpinion } from '../../../../test/desk-fixtures';
import {
  adminCreates,
  archivesChoices,
  auditRows,
  createDraft,
  fillApplication,
  loggedInAdmin,
  loggedInReviewer,
} from '../../../../test/fixtures';
import { committeeReviews, loggedInExpert, saveCommittee } from '../../../../test/committee-fixtures';
import { pdfPages } from '../../../../test/pdf-text';
import { createTestContext, testCaptcha, type Agent, type Reply, type TestContext } from '../../../../test/test-app';

let ctx: TestContext;
let admin: Agent;
let route: Awaited<ReturnType<typeof cityRoute>>;
let office: Agent;
let bureau: Agent;
let bureauId: string;

/** After the clock has moved past the 公示, sessions have lapsed: the office and the bureau sign in again. */
async function signInAgain() {
  admin = (await loggedInAdmin(ctx)).agent;
  office = (await loggedInReviewer(ctx, admin, 'committee', route.world.committeeId)).agent;
  bureau = (await loggedInReviewer(ctx, admin, 'hrBureau', bureauId)).agent;
}
/** Every answer the experts and the office got while the vote ran: none may tell how one expert voted. */
const seen: Reply[] = [];

beforeAll(async () => {
  ctx = await createTestContext();
  ctx.clock.set('2026-05-26T02:00:00Z');
  admin = (await loggedInAdmin(ctx)).agent;
  route = await cityRoute(ctx, admin);
  office = route.desks.committee;
  ({ bureau, bureauId } = await committeeReviews(ctx, admin, route.world.committeeId));
});
afterAll(() => ctx.close());

/** A city unit's application passed by every desk up to 评审会议. */
async function atMeeting(unit: Awaited<ReturnType<typeof route.cityUnit>>, name: string) {
  const app = await route.submitted(unit.unit.unitId, name);
  await writeUnitOpinion(unit.agent, app.id, '同意推荐。');
  for (const desk of [unit.agent, route.desks.city, office, office, office]) {
    const res = await approve(desk, app.id);
    if (res.status !== 200) throw new Error(JSON.stringify(res.body));
  }
  const now = (await app.applicant.get(`/api/applications/${app.id}`)).body;
  expect(now).toMatchObject({ stage: 'meeting', statusLabel: '评审中' });
  return app;
}

const ballot = (expert: Agent, meetingId: string, applicationId: string, choice: string) =>
  expert.post(`/api/expert/meetings/${meetingId}/ballots`, { applicationId, choice });

describe('the committee route, from 评审会议 to a verified certificate', () => {
  it('draws, votes in secret, publishes, answers objections, confirms and certifies', async () => {
    const unitA = await route.cityUnit();
    const x = await atMeeting(unitA, '张评审');
    const y = await atMeeting(unitA, '李评审');
    const z = await atMeeting(unitA, '王评审');

    // A desk cannot decide at the meeting: the vote does. Its 申报审核 no longer lists them.
    const refused = await approve(office, x.id);
    expect(refused.body.message).toBe('该申报在评审会议环节，由评审会议表决决定');
    const desk = (await office.get('/api/review/desk')).body.items as { id: string }[];
    expect(desk.map((r) => r.id)).not.toContain(x.id);

    const sameUnit = await loggedInExpert(ctx, office, { name: '同单位专家', unitId: String(unitA.unit.unitId) });
    const declared = await loggedInExpert(ctx, office, {
      name: '申明回避专家',
      conflictUnitIds: [String(unitA.unit.unitId)],
    });
    const experts = [];
    for (let i = 0; i < 5; i++) experts.push(await loggedInExpert(ctx, office, { name: `评审专家${i}` }));
    const otherSpecialty = await loggedInExpert(ctx, office, { name: '图书专家', specialties: ['图书馆学'] });

    const candidates = (await office.get('/api/committee/meeting-candidates')).body.items;
    expect(candidates.map((c: { applicantName: string }) => c.applicantName)).toEqual(['张评审', '李评审', '王评审']);

    const meeting = await office.post('/api/committee/meetings', {
      title: '2026年档案系列中级评审会议',
      meetingDate: '2026-06-10',
      place: '昆明市',
      titleLevel: 'intermediate',
      specialties: ['档案管理'],
      size: 5,
    });
    expect(meeting.status).toBe(201);
    const m = meeting.body.id as string;
    expect((await office.post(`/api/committee/meetings/${m}/draw`)).body.message).toBe(
      '请先将申报列入会议议程，再抽取专家',
    );
    expect(
      (await office.post(`/api/committee/meetings/${m}/agenda`, { applicationIds: [x.id, y.id, z.id] })).status,
    ).toBe(200);

    const drawn = await office.post(`/api/committee/meetings/${m}/draw`);
    expect(drawn.status).toBe(200);
    const memberIds = drawn.body.members.map((e: { expertId: string }) => e.expertId).sort();
    expect(memberIds).toEqual(experts.map((e) => e.id).sort());
    expect(memberIds).not.toContain(sameUnit.id);
    expect(memberIds).not.toContain(declared.id);
    expect(memberIds).not.toContain(otherSpecialty.id);
    expect(drawn.body.draw.recused).toEqual(
      expect.arrayContaining([
        { name: '同单位专家', reason: 'sameUnit' },
        { name: '申明回避专家', reason: 'declaredConflict' },
      ]),
    );
    const [drawAudit] = await auditRows(ctx, 'meeting.draw');
    expect(drawAudit!.detail).toMatchObject({ seed: drawn.body.draw.seed, recused: expect.any(Array) });
    // The draw replays from the audit's record: the same seed over the same eligible experts.
    const record = drawAudit!.detail as { seed: string; eligible: number[]; members: number[]; count: number };
    const replayed = drawExperts(
      record.eligible.map((expertId) => ({
        expertId,
        specialties: [],
        unitId: null,
        supervisorId: null,
        conflictUnitIds: [],
      })),
      { seed: record.seed, count: record.count, specialties: [], recusal: { unitIds: [], supervisorIds: [] } },
    );
    expect(replayed.memberIds).toEqual(record.members);
    expect(record.members.map(String).sort()).toEqual(memberIds);
    expect((await office.post(`/api/committee/meetings/${m}/draw`)).status).toBe(409);

    // Quorum: 3 of 5 is below 2/3; 4 of 5 reaches it.
    const [e0, e1, e2, e3, e4] = experts;
    await office.post(`/api/committee/meetings/${m}/attendance`, { presentExpertIds: [e0!.id, e1!.id, e2!.id] });
    const below = await office.post(`/api/committee/meetings/${m}/open`);
    expect(below.body.message).toBe('实到3人，未达到法定人数（应到5人的2/3，至少4人），不能开始投票');
    // Before the vote, a member sees the meeting but not its agenda, nor the application.
    expect((await e0!.agent.get(`/api/expert/meetings/${m}`)).body.agenda).toEqual([]);
    expect((await e0!.agent.get(`/api/applications/${x.id}/sheet`)).status).toBe(404);
    await office.post(`/api/committee/meetings/${m}/attendance`, {
      presentExpertIds: [e0!.id, e1!.id, e2!.id, e3!.id],
    });
    expect((await office.post(`/api/committee/meetings/${m}/open`)).body.meeting.status).toBe('voting');

    // Present members see the agenda and the form; the absent one and an expert not drawn see nothing.
    const agenda = await e0!.agent.get(`/api/expert/meetings/${m}`);
    expect(agenda.body.agenda.map((a: { applicantName: string }) => a.applicantName)).toEqual([
      '张评审',
      '李评审',
      '王评审',
    ]);
    expect((await e0!.agent.get(`/api/applications/${x.id}/sheet`)).status).toBe(200);
    expect((await e4!.agent.get(`/api/expert/meetings/${m}`)).body.agenda).toEqual([]);
    expect((await e4!.agent.get(`/api/applications/${x.id}/sheet`)).status).toBe(404);
    expect((await sameUnit.agent.get(`/api/expert/meetings/${m}`)).status).toBe(404);
    expect((await ballot(e4!.agent, m, x.id, 'agree')).body.message).toBe('您未签到，不能投票');
    expect((await ballot(sameUnit.agent, m, x.id, 'agree')).status).toBe(404);

    // X: 3 同意, 1 不同意 → 3/4 ≥ 2/3 passes. Y: 2 同意, 1 不同意, one not cast (弃权) → fails. Z: 4 同意.
    const votes: [Agent, string, string][] = [
      [e0!.agent, x.id, 'agree'],
      [e1!.agent, x.id, 'agree'],
      [e2!.agent, x.id, 'agree'],
      [e3!.agent, x.id, 'disagree'],
      [e0!.agent, y.id, 'agree'],
      [e1!.agent, y.id, 'agree'],
      [e2!.agent, y.id, 'disagree'],
      [e0!.agent, z.id, 'agree'],
      [e1!.agent, z.id, 'agree'],
      [e2!.agent, z.id, 'agree'],
      [e3!.agent, z.id, 'agree'],
    ];
    for (const [agent, id, choice] of votes) {
      const cast = await ballot(agent, m, id, choice);
      expect(cast.status).toBe(200);
      seen.push(cast, await agent.get(`/api/expert/meetings/${m}`), await office.get(`/api/committee/meetings/${m}`));
    }
    const again = await ballot(e3!.agent, m, x.id, 'agree');
    expect(again.body.message).toBe('您已对该申报投票，投票后不能更改');
    const during = (await office.get(`/api/committee/meetings/${m}`)).body;
    expect(during.agenda.map((a: { ballotsCast: number; tally: unknown }) => [a.ballotsCast, a.tally])).toEqual([
      [4, null],
      [3, null],
      [4, null],
    ]);

    const closed = await office.post(`/api/committee/meetings/${m}/close`);
    expect(closed.status).toBe(200);
    seen.push(closed);
    expect(closed.body.agenda.map((a: { tally: unknown; outcome: string }) => [a.tally, a.outcome])).toEqual([
      [{ expected: 5, present: 4, agree: 3, disagree: 1, abstain: 0 }, 'passed'],
      [{ expected: 5, present: 4, agree: 2, disagree: 1, abstain: 1 }, 'failed'],
      [{ expected: 5, present: 4, agree: 4, disagree: 0, abstain: 0 }, 'passed'],
    ]);
    // After the close the experts see nothing more.
    expect((await e0!.agent.get(`/api/expert/meetings/${m}`)).body.agenda).toEqual([]);
    expect((await e0!.agent.get(`/api/applications/${x.id}/sheet`)).status).toBe(404);

    expect((await y.applicant.get(`/api/applications/${y.id}`)).body).toMatchObject({
      status: 'rejected',
      statusLabel: '未通过评审',
    });
    const sheet = (await office.get(`/api/applications/${x.id}/sheet`)).body;
    expect(sheet.committeeRecord).toMatchObject({
      meetingDate: '2026-06-10',
      members: 5,
      present: 4,
      agree: 3,
      disagree: 1,
      abstain: 0,
      conclusion: '通过',
    });
    const pdf = await office.get(`/api/applications/${x.id}/sheet/pdf`);
    const text = (await pdfPages(pdf.raw)).join('\n');
    // 表十四 (中级): 评审时间, 应到, 实到, 同意, 不同意, 弃权, 评审结论 in its row.
    const table14 = text.slice(text.indexOf('表十四'));
    expect(table14).toMatch(/2026-06-10\s*5\s*4\s*3\s*1\s*0\s*通过/);

    // 公示: 5 working days from today; name, unit and title only.
    expect((await x.applicant.get(`/api/applications/${x.id}`)).body).toMatchObject({ statusLabel: '公示中' });
    const published = await office.post('/api/committee/notices', {
      title: '2026年档案系列中级评审结果公示',
      applicationIds: [x.id, z.id],
    });
    expect(published.status).toBe(201);
    const n = published.body.id as string;
    const shown = await ctx.agent().get(`/api/public/notices/${n}`);
    expect(shown.body).toMatchObject({ startsOn: '2026-05-26', endsOn: '2026-06-01', acceptingObjections: true });
    const person = (await x.applicant.get('/api/applicants/me')).body;
    expect(JSON.stringify(shown.body)).not.toContain(person.idNumber);
    expect(JSON.stringify(shown.body)).not.toContain(person.phone);
    const entry = (name: string) => shown.body.entries.find((e: { applicantName: string }) => e.applicantName === name);
    const [entryX, entryZ] = [entry('张评审'), entry('王评审')];

    const visitor = ctx.agent();
    const object = async (entryId: string, content: string) =>
      visitor.post(`/api/public/notices/${n}/objections`, {
        entryId,
        content,
        contactName: '知情人',
        contactPhone: '13800001234',
        captchaId: await visitor.captcha(),
        captchaCode: testCaptcha,
      });
    expect((await object(entryX.id, '该同志的论文与他人雷同，请核实。')).status).toBe(201);
    expect((await object(entryZ.id, '该同志的任职年限不满足申报条件。')).status).toBe(201);
    const detail = (await office.get(`/api/committee/notices/${n}`)).body;
    // The office reads the objector's phone to answer; at rest it is sealed like every phone.
    expect(detail.objections.map((o: { contactPhone: string }) => o.contactPhone)).toEqual([
      '13800001234',
      '13800001234',
    ]);
    const stored = await ctx.db.selectFrom('objection').select('contact_phone').execute();
    expect(stored.map((o) => o.contact_phone).join()).not.toContain('13800001234');
    expect(detail.closeRefusal).toBe('公示期至2026-06-01，期满后才能结束公示');
    const objection = (name: string) =>
      detail.objections.find((o: { applicantName: string }) => o.applicantName === name);
    const [ox, oz] = [objection('张评审'), objection('王评审')];
    const answered = [
      await office.post(`/api/committee/objections/${ox.id}/answer`, { answer: '经核实，不雷同。', upheld: false }),
      await office.post(`/api/committee/objections/${oz.id}/answer`, {
        answer: '经核实，任职年限不足。',
        upheld: true,
      }),
    ];
    expect(answered.map((r) => r.body)).toEqual([{ ok: true }, { ok: true }]);
    // The upheld one is withdrawn and goes back to the meeting for a new vote.
    expect((await z.applicant.get(`/api/applications/${z.id}`)).body).toMatchObject({ stage: 'meeting' });
    const revote = (await office.get('/api/committee/meeting-candidates')).body.items;
    expect(revote).toEqual([expect.objectContaining({ applicantName: '王评审', revote: true })]);

    ctx.clock.set('2026-06-02T02:00:00Z');
    await signInAgain();
    expect((await object(entryX.id, '公示期后提交的异议内容。')).body.message).toBe('不在公示期内，不能提出异议');
    expect((await office.post(`/api/committee/notices/${n}/close`)).status).toBe(200);
    expect((await office.get(`/api/applications/${x.id}`)).body).toMatchObject({
      stage: 'confirmation',
      statusLabel: '待人社部门确认',
    });

    // 人社部门确认: the bureau is told where to go; 文号 and 取得资格时间; the certificate verifies publicly.
    const told = (await bureau.get('/api/messages/inbox')).body.items as { content: string }[];
    expect(told.map((m) => m.content)).toContain('张评审 的评审结果公示期满，请在【评审结果确认】中确认。');
    const waiting = (await bureau.get('/api/confirmations')).body.items;
    expect(waiting).toEqual([expect.objectContaining({ applicantName: '张评审', noticeEndsOn: '2026-06-01' })]);
    const confirmed = await bureau.post('/api/confirmations', {
      applicationIds: [x.id],
      documentNumber: '云人社职〔2026〕18号',
      qualifiedOn: '2026-06-15',
    });
    expect(confirmed.body).toEqual({ confirmed: 1 });
    // The applicant is told in 我的消息 (their session has lapsed with the clock: read from the database).
    const messages = await ctx.db
      .selectFrom('message')
      .innerJoin('application', 'application.applicant_account_id', 'message.recipient_account_id')
      .select('message.content')
      .where('application.id', '=', Number(x.id))
      .execute();
    expect(messages.map((m) => m.content).join()).toContain('已通过评审。电子证书已发放');
    expect((await office.get(`/api/applications/${x.id}`)).body).toMatchObject({
      status: 'passed',
      statusLabel: '已通过评审',
    });
    const recommendations = (await office.get(`/api/applications/${x.id}/sheet`)).body.recommendations;
    expect(recommendations.at(-1)).toMatchObject({
      stage: 'confirmation',
      opinion: expect.stringContaining('云人社职〔2026〕18号'),
    });
    const certificate = (await office.get(`/api/applications/${x.id}/certificate`)).body;
    const verified = await ctx
      .agent()
      .get(
        `/api/public/certificates/verify?number=${encodeURIComponent(certificate.number)}&name=${encodeURIComponent('张评审')}`,
      );
    expect(verified.body).toMatchObject({ status: 'valid', qualifiedOn: '2026-06-15' });
  });

  it('never tells anyone how one expert voted', () => {
    // Each answer during and after the vote: choices appear only as counts, never beside an expert.
    for (const reply of seen) {
      const text = JSON.stringify(reply.body);
      expect(text).not.toMatch(/"choice"|"agree"\s*:\s*"|"vote"\s*:/);
    }
  });

  it('shows the committee office the applicant’s other applications of the year (重复申报)', async () => {
    const unit = await route.cityUnit();
    const first = await route.submitted(unit.unit.unitId, '赵重复');
    const assistant = await ctx.db
      .selectFrom('title')
      .select('id')
      .where('name', '=', '助理馆员')
      .executeTakeFirstOrThrow();
    const second = await createDraft(first.applicant, route.world, {
      ...(await archivesChoices(ctx)),
      titleId: String(assistant.id),
    });
    const version = await fillApplication(first.applicant, second, route.world.year, '赵重复');
    expect((await first.applicant.post(`/api/applications/${second}/submit`, { version })).status).toBe(200);
    await writeUnitOpinion(unit.agent, first.id, '同意推荐。');
    // The clock has moved past the desks' sessions: the city bureau signs in again.
    const cityBureau = await ctx.db
      .selectFrom('hr_bureau')
      .select('id')
      .where('region_code', '=', '530100')
      .executeTakeFirstOrThrow();
    const city = (await loggedInReviewer(ctx, admin, 'hrBureau', String(cityBureau.id))).agent;
    for (const desk of [unit.agent, city]) expect((await approve(desk, first.id)).status).toBe(200);

    const sheet = (await office.get(`/api/applications/${first.id}/sheet`)).body;
    expect(sheet.sameYear).toEqual([
      {
        id: second,
        committeeName: expect.stringContaining('档案系列评委会'),
        titleName: '助理馆员',
        statusLabel: '审核中',
      },
    ]);
    // Only the committee office checks for it: a desk below does not read the person's other applications.
    expect((await unit.agent.get(`/api/applications/${first.id}/sheet`)).body.sameYear).toEqual([]);
  });

  it('keeps each committee to its own work', async () => {
    const otherCommittee = await adminCreates(admin, '/api/admin/committees', {
      name: '另一个评委会',
      seriesCode: 'archives',
      titleLevels: ['intermediate'],
      printFromStage: 'committeeCheck',
    });
    const other = (await loggedInReviewer(ctx, admin, 'committee', otherCommittee)).agent;
    const meetings = (await office.get('/api/committee/meetings')).body.items;
    expect(meetings.length).toBeGreaterThan(0);
    expect((await other.get(`/api/committee/meetings/${meetings[0].id}`)).status).toBe(404);
    expect((await other.get('/api/committee/meetings')).body.items).toEqual([]);
    expect((await other.get('/api/committee/experts')).body.items).toEqual([]);
    // A bureau or a supervising department is no committee office.
    expect((await bureau.get('/api/committee/meetings')).status).toBe(403);
    expect((await office.get('/api/confirmations')).status).toBe(403);
  });

  it('leaves out the office review and the group review of a committee that holds neither', async () => {
    await saveCommittee(admin, route.world.committeeId, { officeReview: false, groupReview: false });
    const unit = await route.cityUnit();
    const app = await route.submitted(unit.unit.unitId, '钱直达');
    const cityBureau = await ctx.db
      .selectFrom('hr_bureau')
      .select('id')
      .where('region_code', '=', '530100')
      .executeTakeFirstOrThrow();
    const city = (await loggedInReviewer(ctx, admin, 'hrBureau', String(cityBureau.id))).agent;
    await writeUnitOpinion(unit.agent, app.id, '同意推荐。');
    for (const desk of [unit.agent, city, office]) expect((await approve(desk, app.id)).status).toBe(200);
    const now = (await app.applicant.get(`/api/applications/${app.id}`)).body;
    expect(now).toMatchObject({ stage: 'meeting', statusLabel: '评审中' });
  });
});
