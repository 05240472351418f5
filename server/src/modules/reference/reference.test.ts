import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../../test/test-app';
import { loggedInAdmin, loggedInUnit } from '../../../../test/fixtures';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

describe('行政区域 (GB/T 2260)', () => {
  it('lists the provinces, then Yunnan’s 16 prefectures, then Kunming’s counties as leaves', async () => {
    const agent = ctx.agent();
    const provinces = (await agent.get('/api/regions')).body;
    expect(provinces.length).toBeGreaterThanOrEqual(31);
    expect(provinces).toContainEqual({
      code: '530000',
      name: '云南省',
      fullName: '云南省',
      level: 'province',
      leaf: false,
    });
    const yunnan = (await agent.get('/api/regions?parentCode=530000')).body;
    expect(yunnan).toHaveLength(16);
    expect(yunnan.map((r: { name: string }) => r.name)).toEqual(
      expect.arrayContaining(['昆明市', '曲靖市', '大理白族自治州', '西双版纳傣族自治州']),
    );
    const kunming = (await agent.get('/api/regions?parentCode=530100')).body;
    expect(kunming).toContainEqual({
      code: '530102',
      name: '五华区',
      fullName: '云南省 昆明市 五华区',
      level: 'county',
      leaf: true,
    });
  });

  it('refuses a malformed region code', async () => {
    const res = await ctx.agent().get('/api/regions?parentCode=53');
    expect(res.status).toBe(400);
    expect(res.body.message).toBe('上级行政区域：行政区域代码为6位数字');
  });
});

describe('职称系列', () => {
  it('has the archives series with its five titles in order', async () => {
    const series = (await ctx.agent().get('/api/series')).body;
    const archives = series.find((s: { code: string }) => s.code === 'archives');
    expect(archives.name).toBe('档案');
    expect(archives.titles.map((t: { name: string; gradeLabel: string }) => `${t.name}(${t.gradeLabel})`)).toEqual([
      '管理员(员级)',
      '助理馆员(助理级)',
      '馆员(中级)',
      '副研究馆员(副高级)',
      '研究馆员(正高级)',
    ]);
  });
});

describe('专业字典', () => {
  it('finds the archives specialty by keyword, with its three levels', async () => {
    const res = await ctx.agent().get(`/api/specialties?keyword=${encodeURIComponent('档案')}`);
    expect(res.body.map((s: { pathName: string }) => s.pathName)).toContain('管理学—图书情报与档案管理—档案学');
  });

  it('browses level by level', async () => {
    const agent = ctx.agent();
    const first = (await agent.get('/api/specialties')).body;
    expect(first.every((s: { depth: number }) => s.depth === 1)).toBe(true);
    const management = first.find((s: { name: string }) => s.name === '管理学');
    const second = (await agent.get(`/api/specialties?parentId=${management.id}`)).body;
    expect(second.map((s: { name: string }) => s.name)).toContain('图书情报与档案管理');
  });

  it('lets the admin add a missing specialty (FAQ §7.5), refuses a fourth level, a duplicate, and a unit', async () => {
    const { agent: admin } = await loggedInAdmin(ctx);
    const parent = (await admin.get(`/api/specialties?keyword=${encodeURIComponent('图书情报与档案管理')}&depth=2`))
      .body[0];
    const created = await admin.post('/api/admin/specialties', { parentId: parent.id, name: '数字档案管理' });
    expect(created.status).toBe(201);
    expect(created.body.pathName).toBe('管理学—图书情报与档案管理—数字档案管理');
    const found = (await ctx.agent().get(`/api/specialties?keyword=${encodeURIComponent('数字档案')}`)).body;
    expect(found).toHaveLength(1);
    expect((await admin.post('/api/admin/specialties', { parentId: created.body.id, name: '更细' })).status).toBe(422);
    expect((await admin.post('/api/admin/specialties', { parentId: parent.id, name: '数字档案管理' })).status).toBe(
      409,
    );
    const { agent: unit } = await loggedInUnit(ctx);
    expect((await unit.post('/api/admin/specialties', { parentId: parent.id, name: '单位加的' })).status).toBe(403);
    expect((await ctx.agent().post('/api/admin/specialties', { parentId: parent.id, name: '匿名加的' })).status).toBe(
      401,
    );
  });
});
