import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loggedInUnit, multipart, pdfBytes } from '../../../test/fixtures';
import { createTestContext, type TestContext } from '../../../test/test-app';

/**
 * Text PostgreSQL cannot store (NUL, a lone surrogate) or a reader cannot see (only zero-width
 * characters, direction overrides) is refused with the field's Chinese name before it reaches a schema,
 * a service or the database.
 */
describe('unsafe text in any field', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext();
  });
  afterAll(async () => {
    await ctx.close();
  });

  it('refuses a NUL byte in a filter, anonymously, naming the field', async () => {
    const res = await ctx.agent().get('/api/specialties?keyword=%E6%A1%A3%00');
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.message).toMatch(/^关键字：.*无法保存/);
  });

  it('refuses a lone surrogate, direction overrides and a name of only invisible characters in a body', async () => {
    const agent = ctx.agent();
    const lone = await agent.request({
      method: 'POST',
      url: '/api/applicants/register',
      headers: { 'content-type': 'application/json' },
      payload: '{"name":"张\\ud800三"}',
    });
    expect(lone.status).toBe(400);
    expect(lone.body.message).toMatch(/^(姓名|名称)：/);

    const bidi = await agent.post('/api/applicants/register', { name: '张\u202e三' });
    expect(bidi.status).toBe(400);
    expect(bidi.body.message).toMatch(/^(姓名|名称)：.*方向/);

    const invisible = await agent.post('/api/applicants/register', { name: '\u200b\u200b' });
    expect(invisible.status).toBe(400);
    expect(invisible.body.message).toMatch(/^(姓名|名称)：.*不可见/);
  });

  it('refuses an upload whose file name carries a NUL byte, and stores nothing', async () => {
    const { agent } = await loggedInUnit(ctx);
    const before = await ctx.db
      .selectFrom('stored_file')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const upload = multipart('营业执照\u0000.pdf', pdfBytes);
    const res = await agent.request({ method: 'POST', url: '/api/units/me/license', ...upload });
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(/文件名/);
    const after = await ctx.db
      .selectFrom('stored_file')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('keeps ordinary Chinese text, emoji and line breaks', async () => {
    const res = await ctx.agent().get(`/api/specialties?keyword=${encodeURIComponent('档案 😀\n')}`);
    expect(res.status).toBe(200);
  });
});
