import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../../test/test-app';
import { seedDemoData } from './demo-seed';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

describe('demo data', () => {
  it('makes a usable world once, with fresh passwords shown on the login page', async () => {
    const printed: string[] = [];
    await seedDemoData(ctx.db, (line) => printed.push(line), ctx.clock);
    await seedDemoData(ctx.db, () => undefined, ctx.clock);
    const session = (await ctx.agent().get('/api/session')).body;
    const credentials = session.demo.credentials as {
      kind: 'applicant' | 'unit' | 'reviewer' | 'admin';
      username: string;
      password: string;
    }[];
    expect(credentials.map((c) => c.username)).toEqual([
      '11010519491231002X',
      'SGSR20260000000001',
      'demo-admin',
      'demo-supervisor',
      'demo-county',
      'demo-city',
      'demo-committee',
    ]);
    expect(printed.join('\n')).toContain(credentials[0]!.password);
    for (const c of credentials) {
      const agent = ctx.agent();
      const res =
        c.kind === 'admin'
          ? await agent.adminLogin(c.username, c.password)
          : await agent.login(c.kind, c.username, c.password);
      expect(res.status, c.username).toBe(200);
      expect(res.body.mustChangePassword).toBe(false);
    }
    const applicant = ctx.agent();
    await applicant.login('applicant', credentials[0]!.username, credentials[0]!.password);
    expect(
      (await applicant.get('/api/committees/open')).body.map((c: { committeeName: string }) => c.committeeName),
    ).toEqual(['云南省档案系列职称评审委员会（演示）']);
    const readiness = (await applicant.get('/api/applicants/me/unit-readiness')).body;
    expect(readiness.blockers).toEqual([{ code: 'UNIT_INFO_INCOMPLETE', message: '单位信息不完整，请联系单位完善' }]);
    expect(readiness.hrBureau.name).toBe('五华区人力资源和社会保障局');
  });

  it('is not loaded by a configuration with DATABASE_URL or in production', async () => {
    expect(ctx.config.demoData).toBe(true);
    const { loadConfig } = await import('../../config');
    expect(loadConfig({ NODE_ENV: 'test', DATABASE_URL: 'postgres://x@y/z' }).demoData).toBe(false);
  });
});
