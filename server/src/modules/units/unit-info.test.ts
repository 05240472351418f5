import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../../test/test-app';
import {
  adminCreates,
  auditRows,
  exeBytes,
  loggedInAdmin,
  loggedInApplicant,
  loggedInUnit,
  multipart,
  pdfBytes,
  pngBytes,
  unitWithInfo,
  uploadLicense,
} from '../../../../test/fixtures';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext({ UPLOAD_MAX_MB: '1' });
});
afterAll(() => ctx.close());

const info = (licenseFileId: string, overrides: Record<string, unknown> = {}) => ({
  licenseFileId,
  nature: 'institution',
  level: 'county',
  regionCode: '530102',
  contactName: '张三',
  contactPhone: '0871-63112233',
  ...overrides,
});

const bureauHint =
  '查找人社局失败：请在【单位信息】中将行政区域选到区县一级，并核对单位等级（县区级单位由所在县区人社局审核，州市级由所在州市人社局审核，省级由省人社厅审核）；如仍失败，说明平台尚未设置该人社局，请联系平台管理员';

describe('单位信息 (manual §2.2)', () => {
  it('starts incomplete after registration and says what is missing', async () => {
    const { agent } = await loggedInUnit(ctx);
    const res = await agent.get('/api/units/me/info');
    expect(res.status).toBe(200);
    expect(res.body.complete).toBe(false);
    expect(res.body.missing).toEqual(['组织机构代码证或营业执照', '单位性质', '单位等级', '行政区域']);
    const readiness = (await agent.get('/api/units/me/readiness')).body;
    expect(readiness.canSubmit).toBe(false);
    // The unit is told what it must do itself; 请联系单位完善 is for its people (applicant.test.ts).
    expect(readiness.blockers.map((b: { message: string }) => b.message)).toEqual([
      '单位信息不完整（未填写：组织机构代码证或营业执照、单位性质、单位等级、行政区域），请先在【单位信息】中完善',
      bureauHint,
    ]);
  });

  it('accepts a PDF or PNG licence recognised by its content, and refuses a renamed .exe', async () => {
    const { agent } = await loggedInUnit(ctx);
    const pdf = await uploadLicense(agent);
    expect(pdf.status).toBe(201);
    expect(pdf.body).toMatchObject({ originalName: '营业执照.pdf', contentType: 'application/pdf' });
    const png = await agent.request({
      method: 'POST',
      url: '/api/units/me/license',
      ...multipart('执照.png', pngBytes, 'image/png'),
    });
    expect(png.body.contentType).toBe('image/png');
    const exe = await uploadLicense(agent, '营业执照.pdf', exeBytes);
    expect(exe.status).toBe(400);
    expect(exe.body.message).toBe('只能上传 PDF、JPG、PNG 格式的文件');
  });

  it('refuses a file over the size limit with a clear message', async () => {
    const { agent } = await loggedInUnit(ctx);
    const big = Buffer.concat([pdfBytes, Buffer.alloc(1024 * 1024 + 10, 32)]);
    const res = await uploadLicense(agent, '大文件.pdf', big);
    expect(res.status).toBe(413);
    expect(res.body).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', message: '文件过大，请压缩后再上传' });
  });

  it('refuses a 非公经济组织 at 州市级, and a region that does not reach a county', async () => {
    const { agent } = await loggedInUnit(ctx);
    const license = (await uploadLicense(agent)).body.id;
    const city = await agent.request({
      method: 'PUT',
      url: '/api/units/me/info',
      payload: info(license, { nature: 'nonPublic', level: 'city' }),
    });
    expect(city.status).toBe(422);
    expect(city.body.message).toBe('非公经济组织单位等级一律选择县区级');
    const notCounty = await agent.request({
      method: 'PUT',
      url: '/api/units/me/info',
      payload: info(license, { regionCode: '530100' }),
    });
    expect(notCounty.status).toBe(422);
    expect(notCounty.body.message).toBe('行政区域必须选到区县一级（否则将查找人社局失败）');
    expect((await agent.get('/api/units/me/info')).body.complete).toBe(false);
  });

  it('saves complete information, shows the region path, and records it', async () => {
    const { unit, agent } = await loggedInUnit(ctx);
    const license = (await uploadLicense(agent)).body.id;
    const res = await agent.request({
      method: 'PUT',
      url: '/api/units/me/info',
      payload: info(license, { nature: 'nonPublic', address: '昆明市五华区某路1号', remark: '备注' }),
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      complete: true,
      missing: [],
      nature: 'nonPublic',
      level: 'county',
      address: '昆明市五华区某路1号',
    });
    expect(res.body.region).toEqual({
      code: '530102',
      fullName: '云南省 昆明市 五华区',
      path: ['530000', '530100', '530102'],
    });
    expect(res.body.license.id).toBe(license);
    const rows = (await auditRows(ctx, 'unit.info.update')).filter((r) => r.object_id === String(unit.unitId));
    expect(rows).toHaveLength(1);
  });

  it('limits 备注 to 100 characters and checks the contact phone', async () => {
    const { agent } = await loggedInUnit(ctx);
    const license = (await uploadLicense(agent)).body.id;
    const long = await agent.request({
      method: 'PUT',
      url: '/api/units/me/info',
      payload: info(license, { remark: '字'.repeat(101) }),
    });
    expect(long.status).toBe(400);
    expect(long.body.message).toBe('备注：备注不超过100个字');
    const phone = await agent.request({
      method: 'PUT',
      url: '/api/units/me/info',
      payload: info(license, { contactPhone: '12345' }),
    });
    expect(phone.body.message).toMatch(/^联系电话：/);
  });

  it('does not let a unit use or read another unit’s licence', async () => {
    const a = await loggedInUnit(ctx);
    const b = await loggedInUnit(ctx);
    const licenseOfA = (await uploadLicense(a.agent)).body.id;
    const res = await b.agent.request({ method: 'PUT', url: '/api/units/me/info', payload: info(licenseOfA) });
    expect(res.status).toBe(400);
    expect((await b.agent.get(`/api/files/${licenseOfA}`)).status).toBe(404);
    const own = await a.agent.request({ method: 'GET', url: `/api/files/${licenseOfA}` });
    expect(own.status).toBe(200);
    expect(own.headers['content-type']).toBe('application/pdf');
    // The platform sees a licence once a unit's 单位信息 names it, not an upload of any kind.
    const { agent: admin } = await loggedInAdmin(ctx);
    expect((await admin.get(`/api/files/${licenseOfA}`)).status).toBe(404);
    expect(
      (await a.agent.request({ method: 'PUT', url: '/api/units/me/info', payload: info(licenseOfA) })).status,
    ).toBe(200);
    expect((await admin.get(`/api/files/${licenseOfA}`)).status).toBe(200);
    expect((await ctx.agent().get(`/api/files/${licenseOfA}`)).status).toBe(401);
  });

  it('is the unit’s own: an admin or an anonymous visitor has no 单位信息 page', async () => {
    const { agent: admin } = await loggedInAdmin(ctx);
    expect((await admin.get('/api/units/me/info')).status).toBe(403);
    expect((await ctx.agent().request({ method: 'PUT', url: '/api/units/me/info', payload: info('1') })).status).toBe(
      401,
    );
  });
});

describe('查找人社局 (FAQ §7.7)', () => {
  it('finds the county bureau for a 县区级 unit and the city bureau for a 州市级 one', async () => {
    const { agent: admin } = await loggedInAdmin(ctx);
    await adminCreates(admin, '/api/admin/hr-bureaus', { name: '盘龙区人力资源和社会保障局', regionCode: '530103' });
    await adminCreates(admin, '/api/admin/hr-bureaus', { name: '曲靖市人力资源和社会保障局', regionCode: '530300' });

    const county = await unitWithInfo(ctx, { regionCode: '530103', level: 'county' });
    const r1 = (await county.agent.get('/api/units/me/readiness')).body;
    expect(r1).toEqual({
      canSubmit: true,
      blockers: [],
      hrBureau: { id: expect.any(String), name: '盘龙区人力资源和社会保障局', levelLabel: '县区人社局' },
    });

    const city = await unitWithInfo(ctx, { regionCode: '530302', level: 'city' });
    expect((await city.agent.get('/api/units/me/readiness')).body.hrBureau.name).toBe('曲靖市人力资源和社会保障局');

    const nowhere = await unitWithInfo(ctx, { regionCode: '530402', level: 'county' });
    const r3 = (await nowhere.agent.get('/api/units/me/readiness')).body;
    expect(r3.canSubmit).toBe(false);
    expect(r3.blockers).toEqual([{ code: 'HR_BUREAU_NOT_FOUND', message: bureauHint }]);
    // Its people read only that the bureau was not found: they cannot act on the unit's information.
    const { agent: person } = await loggedInApplicant(ctx, nowhere.unit.unitId);
    expect((await person.get('/api/applicants/me/unit-readiness')).body.blockers).toEqual([
      { code: 'HR_BUREAU_NOT_FOUND', message: '查找人社局失败' },
    ]);
  });
});
