import type { ExpertCreate } from '#common';
import { goodPassword, makePhone } from './fixtures';
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
