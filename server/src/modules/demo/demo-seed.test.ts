import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Agent, type TestContext } from '../../../../test/test-app';
import { verifyAuditChain } from '../audit/audit-verify';
import { seedDemoData } from './demo-seed';

let ctx: TestContext;
let printed: string[];
type Credential = { kind: 'applicant' | 'unit' | 'reviewer' | 'admin' | 'expert'; username: string; password: string };
let credentials: Credential[];

beforeAll(async () => {
  ctx = await createTestContext();
  printed = [];
  await seedDemoData(ctx.db, (line) => printed.push(line), { config: ctx.config, clock: ctx.clock });
  await seedDemoData(ctx.db, () => undefined, { config: ctx.config, clock: ctx.clock });
  credentials = (await ctx.agent().get('/api/session')).body.demo.credentials;
}, 120_000);
afterAll(() => ctx.close());

async function signIn(username: string): Promise<Agent> {
  const c = credentials.find((x) => x.username === username)!;
  const agent = ctx.agent();
  const res =
    c.kind === 'admin'
      ? await agent.adminLogin(c.username, c.password)
      : await agent.login(c.kind, c.username, c.password);
  expect(res.status, c.username).toBe(200);
  expect(res.body.mustChangePassword).toBe(false);
  return agent;
}

type Row = { id: string; stage: string | null; status: string; name: string; submittedAt: string };

describe('demo data', () => {
  it('makes a usable world once, with fresh passwords shown on the login page', async () => {
    expect(credentials.map((c) => c.username)).toEqual([
      '11010519491231002X',
      'SGSR20260000000001',
      'demo-admin',
      'demo-supervisor',
      'demo-county',
      'demo-city',
      'demo-committee',
      'demo-province',
      expect.stringMatching(/^demo-expert-\d$/),
      expect.stringMatching(/^demo-expert-\d$/),
    ]);
    expect(credentials.slice(-2).map((c) => c.kind)).toEqual(['expert', 'expert']);
    expect(printed.join('\n')).toContain(credentials[0]!.password);
    for (const c of credentials) await signIn(c.username);
    const applicant = await signIn('11010519491231002X');
    expect(
      (await applicant.get('/api/committees/open')).body.map((c: { committeeName: string }) => c.committeeName),
    ).toEqual(['云南省档案系列职称评审委员会（演示）']);
    // The unit completed 单位信息 and its supervising department approved it: its people may submit.
    const readiness = (await applicant.get('/api/applicants/me/unit-readiness')).body;
    expect(readiness.blockers).toEqual([]);
    expect(readiness.hrBureau.name).toBe('五华区人力资源和社会保障局');
  });

  it('gives every demo desk an application waiting at each of its stages', async () => {
    for (const [username, stages] of [
      ['SGSR20260000000001', ['unitReview']],
      ['demo-supervisor', ['supervisorReview']],
      ['demo-county', ['countyBureauReview']],
      ['demo-city', ['cityBureauReview']],
      // A desk lists what it decides itself; the meetings, the 公示 and the 确认 have their own pages.
      ['demo-committee', ['committeeCheck', 'officeReview', 'groupReview']],
      ['demo-province', []],
    ] as const) {
      const desk = (await (await signIn(username)).get('/api/review/desk')).body;
      expect(
        desk.items.every((r: Row) => r.status === 'inReview'),
        username,
      ).toBe(true);
      expect(new Set(desk.items.map((r: Row) => r.stage)), username).toEqual(new Set(stages));
    }
    // The unit's desk has a 考核定职 beside a 申报评审, to try checking several at once.
    const unitDesk = (await (await signIn('SGSR20260000000001')).get('/api/review/desk')).body.items;
    expect(new Set(unitDesk.map((r: { kind: string }) => r.kind))).toEqual(new Set(['evaluation', 'assessment']));
  });

  it('holds an application at every stage of the route, passed, rejected, returned and a draft', async () => {
    const rows = await ctx.db
      .selectFrom('application')
      .select(['status', sql<string | null>`route -> stage_index ->> 'stage'`.as('stage')])
      .execute();
    const states = rows.map((r) => (r.status === 'inReview' ? r.stage : r.status));
    for (const state of [
      'draft',
      'unitReview',
      'supervisorReview',
      'countyBureauReview',
      'cityBureauReview',
      'committeeCheck',
      'officeReview',
      'groupReview',
      'meeting',
      'publicNotice',
      'confirmation',
      'passed',
      'rejected',
      'returned',
    ]) {
      expect(states, state).toContain(state);
    }

    // The committee prints from 评委会电子材料审核: 导出PDF works at once on the one waiting there and on
    // the one passed (its 审核记录); not on one before that stage.
    const committee = await signIn('demo-committee');
    const waiting = (await committee.get('/api/review/desk')).body.items as Row[];
    const records = (await committee.get('/api/review/records')).body.items as Row[];
    const passed = records.find((r) => r.status === 'passed')!;
    for (const id of [waiting[0]!.id, passed.id]) {
      const pdf = await committee.request({ method: 'GET', url: `/api/applications/${id}/sheet/pdf` });
      expect(pdf.status, id).toBe(200);
      expect(pdf.headers['content-type']).toBe('application/pdf');
    }
    const city = await signIn('demo-city');
    const atCity = (await city.get('/api/review/desk')).body.items as Row[];
    expect((await city.get(`/api/applications/${atCity[0]!.id}/sheet/pdf`)).status).toBe(422);

    // The demo applicant's own: one returned to correct and resubmit, one draft ready for 提交.
    const applicant = await signIn('11010519491231002X');
    const mine = (await applicant.get('/api/applications')).body as { id: string; status: string }[];
    expect(mine.map((a) => a.status).sort()).toEqual(['draft', 'returned']);
    const draft = mine.find((a) => a.status === 'draft')!;
    expect((await applicant.get(`/api/applications/${draft.id}/check`)).body).toEqual({
      issues: [],
      blockers: [],
      canSubmit: true,
    });
    const returned = (await applicant.get(`/api/applications/${mine.find((a) => a.status === 'returned')!.id}`)).body;
    expect(returned).toMatchObject({ abilities: ['submit'], editable: { tables: true } });
    expect(returned.whereNow).toBe('已被五华区人力资源和社会保障局返回修改，修改后提交将直接回到县区人社局审核');
  });

  it('made them through the workflow: the log, the rows, the audit trail and the desks agree', async () => {
    const apps = await ctx.db
      .selectFrom('application')
      .select(['id', 'status', 'stage_index', 'return_count', 'submitted_at'])
      .execute();
    for (const app of apps) {
      const log = await ctx.db
        .selectFrom('review_log')
        .select(['action', 'state_after', 'at'])
        .where('application_id', '=', app.id)
        .orderBy('seq')
        .execute();
      const audited = await ctx.db
        .selectFrom('audit_log')
        .select('action')
        .where('object_type', '=', 'application')
        .where('object_id', '=', String(app.id))
        .where('action', 'in', [
          'application.submit',
          'application.approve',
          'application.reject',
          'application.return',
        ])
        .orderBy('id')
        .execute();
      expect(audited.map((a) => a.action)).toEqual(log.map((l) => `application.${l.action}`));
      if (app.status === 'draft') {
        expect(log).toEqual([]);
        continue;
      }
      expect(log.at(-1)!.state_after).toMatchObject({
        status: app.status,
        stageIndex: app.stage_index,
        returnCount: app.return_count,
      });
      // 提交时间 is the latest submission.
      expect(app.submitted_at).toEqual(log.filter((l) => l.action === 'submit').at(-1)!.at);
    }
    expect((await verifyAuditChain(ctx.db)).problems).toEqual([]);
    // The story's clock only ever moved on, and stopped before now (the committee's part began weeks ago).
    const trail = (await ctx.db.selectFrom('audit_log').select('occurred_at').orderBy('id').execute()).map((r) =>
      r.occurred_at.getTime(),
    );
    expect(trail).toEqual([...trail].sort((a, b) => a - b));
    expect(trail.at(-1)!).toBeLessThanOrEqual(ctx.clock.now().getTime());

    // The application returned by the city and resubmitted shows its second submission at the city's desk.
    const city = (await (await signIn('demo-city')).get('/api/review/desk')).body.items as Row[];
    const again = city.find((r) => r.name === '陈静（演示）')!;
    const log = (await (await signIn('demo-city')).get(`/api/applications/${again.id}/review-log`)).body.entries as {
      action: string;
      at: string;
    }[];
    expect(log.map((e) => e.action)).toEqual(['submit', 'approve', 'approve', 'approve', 'return', 'submit']);
    expect(again.submittedAt).toBe(log.at(-1)!.at);
    // Everything happened before now, in order.
    const times = log.map((e) => e.at);
    expect([...times].sort()).toEqual(times);
    expect(new Date(times.at(-1)!).getTime()).toBeLessThan(ctx.clock.now().getTime());
  });

  it("shows the committee's work: meetings, the experts' vote, the 公示, the 确认 and the certificate", async () => {
    const office = await signIn('demo-committee');
    const records = (await office.get('/api/review/records')).body.items as Row[];
    const idOf = (name: string) => records.find((r) => r.name === name)!.id;
    const read = async (name: string) => (await office.get(`/api/applications/${idOf(name)}`)).body;
    expect(await read('郑浩（演示）')).toMatchObject({ status: 'rejected', statusLabel: '未通过评审' });
    expect(await read('孙悦（演示）')).toMatchObject({ status: 'passed', statusLabel: '已通过评审' });

    // Two meetings closed, one voting now: its draw recused the demo unit's own expert.
    const meetings = (await office.get('/api/committee/meetings')).body.items as { id: string; status: string }[];
    expect(meetings.map((m) => m.status).sort()).toEqual(['closed', 'closed', 'voting']);
    const voting = meetings.find((m) => m.status === 'voting')!;
    const detail = (await office.get(`/api/committee/meetings/${voting.id}`)).body;
    expect(detail.meeting).toMatchObject({ memberCount: 5, presentCount: 4, agendaCount: 2 });
    expect(detail.draw).toMatchObject({ eligibleCount: 6, recused: [{ name: '周文（演示）', reason: 'sameUnit' }] });
    expect(detail.agenda.map((a: { ballotsCast: number; tally: unknown }) => [a.ballotsCast, a.tally])).toEqual([
      [3, null],
      [1, null],
    ]);

    // The demo experts: one present who has not voted sees the agenda and the form, and votes.
    const [notYet, votedOnce] = credentials.filter((c) => c.kind === 'expert');
    const expert = await signIn(notYet!.username);
    const mine = (await expert.get('/api/expert/meetings')).body.items as { id: string; status: string }[];
    expect(mine.find((m) => m.status === 'voting')!.id).toBe(voting.id);
    const agenda = (await expert.get(`/api/expert/meetings/${voting.id}`)).body.agenda as {
      applicationId: string;
      applicantName: string;
      voted: boolean;
    }[];
    expect(agenda.map((a) => [a.applicantName, a.voted])).toEqual([
      ['何佳（演示）', false],
      ['罗明（演示）', false],
    ]);
    expect((await expert.get(`/api/applications/${agenda[0]!.applicationId}/sheet`)).status).toBe(200);
    const cast = await expert.post(`/api/expert/meetings/${voting.id}/ballots`, {
      applicationId: agenda[0]!.applicationId,
      choice: 'agree',
    });
    expect(cast.status).toBe(200);
    const other = (await (await signIn(votedOnce!.username)).get(`/api/expert/meetings/${voting.id}`)).body;
    expect(other.agenda.map((a: { voted: boolean }) => a.voted)).toEqual([true, false]);

    // The 公示 open now, on the public page: name, unit and title; one objection waits for an answer.
    const notices = (await ctx.agent().get('/api/public/notices')).body.items as { id: string; status: string }[];
    expect(notices.map((n) => n.status).sort()).toEqual(['closed', 'open']);
    const open = (await ctx.agent().get(`/api/public/notices/${notices.find((n) => n.status === 'open')!.id}`)).body;
    expect(open).toMatchObject({ acceptingObjections: true, entries: [{ applicantName: '冯涛（演示）' }] });
    expect(JSON.stringify(open)).not.toMatch(/13800000022|530102/);
    const objections = (await office.get(`/api/committee/notices/${open.id}`)).body.objections;
    expect(objections).toEqual([expect.objectContaining({ applicantName: '冯涛（演示）', answer: null })]);

    // The bureau has one to confirm after its 公示; the one it confirmed has a certificate that verifies.
    const bureau = await signIn('demo-province');
    expect((await bureau.get('/api/confirmations')).body.items).toEqual([
      expect.objectContaining({ applicantName: '吴芳（演示）', noticeEndsOn: expect.any(String) }),
    ]);
    const certificate = (await office.get(`/api/applications/${idOf('孙悦（演示）')}/certificate`)).body;
    const query = new URLSearchParams({ number: certificate.number, name: '孙悦（演示）' });
    const verified = await ctx.agent().get(`/api/public/certificates/verify?${query}`);
    expect(verified.body).toMatchObject({ status: 'valid', titleName: '馆员' });
  });

  it('is not loaded by a configuration with DATABASE_URL or in production', async () => {
    expect(ctx.config.demoData).toBe(true);
    const { loadConfig } = await import('../../config');
    expect(loadConfig({ NODE_ENV: 'test', DATABASE_URL: 'postgres://x@y/z' }).demoData).toBe(false);
  });
});
