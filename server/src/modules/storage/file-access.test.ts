import { randomUUID } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Agent, type TestContext } from '../../../../test/test-app';
import {
  adminCreates,
  archivesChoices,
  auditRows,
  createDraft,
  loggedInAdmin,
  loggedInApplicant,
  loggedInUnit,
  multipart,
  pdfBytes,
  reviewWorld,
  uploadLicense,
} from '../../../../test/fixtures';
import { createLocalFileStorage } from './file-storage';

let ctx: TestContext;
let admin: Agent;
let draft: () => Promise<{ agent: Agent; id: string }>;

beforeAll(async () => {
  ctx = await createTestContext();
  ctx.clock.set('2026-05-26T02:00:00Z');
  admin = (await loggedInAdmin(ctx)).agent;
  await adminCreates(admin, '/api/admin/hr-bureaus', { name: '五华区人力资源和社会保障局', regionCode: '530102' });
  await adminCreates(admin, '/api/admin/hr-bureaus', { name: '昆明市人力资源和社会保障局', regionCode: '530100' });
  const world = await reviewWorld(ctx, admin);
  const choices = await archivesChoices(ctx);
  draft = async () => {
    const { agent } = await loggedInApplicant(ctx);
    return { agent, id: await createDraft(agent, world, choices) };
  };
});
afterAll(() => ctx.close());

const attach = (agent: Agent, id: string, content: Buffer = pdfBytes, name = '身份证.pdf', type = 'application/pdf') =>
  agent.request({
    method: 'POST',
    url: `/api/applications/${id}/attachments/hrIdCard`,
    ...multipart(name, content, type),
  });

/** Every file under the storage folder. */
function storedFiles(): string[] {
  const root = ctx.config.uploads.filesDir;
  return readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((p) => statSync(join(root, p)).isFile());
}

/** A PNG whose header says `width`×`height`: a few hundred bytes that a browser would unpack to gigabytes. */
function pngOfSize(width: number, height: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    return Buffer.concat([length, Buffer.from(type, 'latin1'), data, Buffer.alloc(4)]);
  };
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', Buffer.alloc(300)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

describe('who opens an uploaded file', () => {
  it('keeps an applicant’s ID-card scan from the platform admin and from the file address', async () => {
    const { agent, id } = await draft();
    expect((await attach(agent, id)).status).toBe(201);
    const { fileId } = (await agent.get(`/api/applications/${id}`)).body.attachments[0];
    expect(fileId).toMatch(/^[0-9a-f-]{36}$/);
    expect((await admin.get(`/api/files/${fileId}`)).status).toBe(404);
    // Only through the application, by whoever may see it.
    expect((await agent.get(`/api/files/${fileId}`)).status).toBe(404);
  });

  it('lets the admin open a unit’s licence once 单位信息 names it, and records every read', async () => {
    const { agent } = await loggedInUnit(ctx);
    const licence = (await uploadLicense(agent)).body.id as string;
    expect((await admin.get(`/api/files/${licence}`)).status).toBe(404);
    const saved = await agent.request({
      method: 'PUT',
      url: '/api/units/me/info',
      payload: {
        licenseFileId: licence,
        nature: 'institution',
        level: 'county',
        regionCode: '530102',
        contactName: '张三',
        contactPhone: '0871-63112233',
      },
    });
    expect(saved.status).toBe(200);
    expect((await admin.get(`/api/files/${licence}`)).status).toBe(200);
    const reads = (await auditRows(ctx, 'file.read')).filter((r) => r.actor_role === 'admin');
    expect(reads).toHaveLength(1);
  });

  it('finds no file by counting: the address takes a random id only', async () => {
    const res = await admin.get('/api/files/1');
    expect(res.status).toBe(400);
    expect(res.body.message).toContain('文件不存在');
  });

  it('records who read an attachment, and answers a removed one as missing', async () => {
    const { agent, id } = await draft();
    await attach(agent, id);
    const attachment = (await agent.get(`/api/applications/${id}`)).body.attachments[0];
    const url = `/api/applications/${id}/attachments/${attachment.id}/file`;
    expect((await agent.get(url)).status).toBe(200);
    const reads = (await auditRows(ctx, 'attachment.read')).filter((r) => r.object_id === id);
    expect(reads).toHaveLength(1);
    expect(reads[0]!.detail).toMatchObject({ category: 'hrIdCard' });
    await agent.request({ method: 'DELETE', url: `/api/applications/${id}/attachments/${attachment.id}` });
    expect((await agent.get(url)).status).toBe(404);
  });
});

describe('uploads as one unit, and the orphan sweeper', () => {
  it('refuses a picture larger than 10000×10000 pixels, however small the file', async () => {
    const { agent, id } = await draft();
    const before = storedFiles().length;
    const res = await attach(agent, id, pngOfSize(20_000, 20_000), '照片.png', 'image/png');
    expect(res.status).toBe(400);
    expect(res.body.message).toBe('图片尺寸不能超过 10000×10000 像素（本图 20000×20000），请缩小后再上传');
    expect(storedFiles()).toHaveLength(before);
    expect((await attach(agent, id, pngOfSize(4000, 3000), '照片.png', 'image/png')).status).toBe(201);
  });

  it('removes files no row names and rows nothing names, after their grace, and keeps what is in use', async () => {
    const { agent, id } = await draft();
    await attach(agent, id);
    await attach(agent, id);
    const [kept, removed] = (await agent.get(`/api/applications/${id}`)).body.attachments;
    await agent.request({ method: 'DELETE', url: `/api/applications/${id}/attachments/${removed.id}` });
    // A file written by an upload that never committed (a crash between the file and its row).
    const crashed = `2026/05/${randomUUID()}.pdf`;
    await createLocalFileStorage(ctx.config.uploads.filesDir).put(crashed, pdfBytes);
    expect(storedFiles()).toContain(crashed);

    // Within the grace nothing goes: the upload may still be committing.
    expect(await ctx.app.fileSweeper.runOnce()).toEqual({ rowsRemoved: expect.any(Number), filesRemoved: 0 });

    ctx.clock.set(new Date(Date.now() + 25 * 3600_000));
    const swept = await ctx.app.fileSweeper.runOnce();
    expect(swept.rowsRemoved).toBeGreaterThanOrEqual(1);
    expect(swept.filesRemoved).toBeGreaterThanOrEqual(2);
    const keysAfter = storedFiles();
    expect(keysAfter).not.toContain(crashed);
    const rows = await ctx.db.selectFrom('stored_file').select('storage_key').execute();
    expect(keysAfter.sort()).toEqual(rows.map((r) => r.storage_key).sort());
    const keptFile = await ctx.db
      .selectFrom('attachment')
      .innerJoin('stored_file', 'stored_file.id', 'attachment.stored_file_id')
      .select('storage_key')
      .where('attachment.id', '=', Number(kept.id))
      .executeTakeFirstOrThrow();
    expect(keysAfter).toContain(keptFile.storage_key);
  });
});
