import type { Committee, ExpertCreate } from '#common';
import { adminCreates, goodPassword, loggedInReviewer, makePhone } from './fixtures';
import type { Agent, TestContext } from './test-app';

let serial = 0;

/** An expert's fields as the office fills them in, with a term covering 2026. */
export function expertFields(overrides: Partial<ExpertCreate> = {}): ExpertCreate {
  serial += 1;
  return {
    loginName: `expert${serial}${Math.floor(Math.random() * 1e6)}`,
    name: `专家${serial}`,
    phone: makePhone(),
    unitName: '云南省档案馆',
    unitId: null,
    supervisorId: null,
    titleName: '研究馆员',
    specialties: ['档案管理'],
    termStartsOn: '2025-01-01',
    termEndsOn: '2027-12-31',
    conflictUnitIds: [],
    ...overrides,
  };
}

/** The office adds an expert; the expert signs in with the one-time password and sets their own. */
export async function loggedInExpert(ctx: TestContext, office: Agent, overrides: Partial<ExpertCreate> = {}) {
  const fields = expertFields(overrides);
  const created = await office.post('/api/committee/experts', fields);
  if (created.status !== 201) throw new Error(`expert: ${JSON.stringify(created.body)}`);
  const agent = ctx.agent();
  const login = await agent.login('expert', fields.loginName, created.body.temporaryPassword);
  if (login.status !== 200) throw new Error(`expert login: ${JSON.stringify(login.body)}`);
  const changed = await agent.post('/api/account/password', {
    oldPassword: created.body.temporaryPassword,
    newPassword: goodPassword,
    confirmNewPassword: goodPassword,
    captchaId: await agent.captcha(),
    captchaCode: 'test',
  });
  if (changed.status !== 200) throw new Error(`expert password: ${JSON.stringify(changed.body)}`);
  return { agent, id: created.body.id as string, fields };
}

/**
 * The committee reviews in the system: it gets a 评审结果确认部门 (the province bureau, made here with a
 * signed-in reviewer), so routes go on after its electronic check to the meeting, 公示 and 确认.
 */
export async function committeeReviews(ctx: TestContext, admin: Agent, committeeId: string) {
  const bureauId = await adminCreates(admin, '/api/admin/hr-bureaus', {
    name: '云南省人力资源和社会保障厅',
    regionCode: '530000',
  });
  await saveCommittee(admin, committeeId, { confirmingBureauId: bureauId });
  const bureau = (await loggedInReviewer(ctx, admin, 'hrBureau', bureauId)).agent;
  return { bureauId, bureau };
}

/** 修改评委会: some settings changed, the others kept as they are. */
export async function saveCommittee(admin: Agent, committeeId: string, changes: Record<string, unknown>) {
  const committees = (await admin.get('/api/admin/committees')).body as Committee[];
  const c = committees.find((x) => x.id === committeeId)!;
  const saved = await admin.request({
    method: 'PUT',
    url: `/api/admin/committees/${committeeId}`,
    payload: {
      name: c.name,
      seriesCode: c.seriesCode,
      titleLevels: c.titleLevels,
      printFromStage: c.printFromStage,
      pdfWithAttachments: c.pdfWithAttachments,
      confirmingBureauId: c.confirmingBureau?.id ?? null,
      officeReview: c.officeReview,
      groupReview: c.groupReview,
      quorumShare: c.quorumShare,
      passShare: c.passShare,
      noticeWorkingDays: c.noticeWorkingDays,
      certificatePattern: c.certificatePattern,
      notice: c.notice,
      ...changes,
    },
  });
  if (saved.status !== 200) throw new Error(`committee: ${JSON.stringify(saved.body)}`);
}
