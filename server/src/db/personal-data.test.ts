import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { maskPhone } from '#common';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createFieldCipher, generateFieldKeys, SealedValueError, type FieldKeys } from '../crypto/field-cipher';
import { devFieldKeys } from '../crypto/field-keys';
import { findAccountForLogin, insertAccount } from '../modules/auth/account.repository';
import { findApplicant, insertApplicant } from '../modules/applicants/applicant.repository';
import { loggedInAdmin, makeIdNumber, makePhone, registerApplicant, registerUnit } from '../../../test/fixtures';
import { createTestContext, type TestContext } from '../../../test/test-app';
import { openTestDatabase } from '../../../test/test-database';
import type { DatabaseHandle, Db } from './database';
import { withFieldCipher } from './personal-data';
import { reseal } from './reseal';
import { uniqueViolation } from './unique-violation';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => ctx.close());

/** Every row of every table of ours, as text: what a stolen dump or a backup shows. */
async function everyRow(db: Db): Promise<string> {
  const { rows: tables } = await sql<{ tablename: string }>`
    select tablename from pg_tables where schemaname = 'public'`.execute(db);
  const parts: string[] = [];
  for (const { tablename } of tables) {
    const { rows } = await sql`select * from ${sql.table(tablename)}`.execute(db);
    parts.push(`${tablename}: ${JSON.stringify(rows)}`);
  }
  return parts.join('\n');
}

/** An ID number whose check character is X, the one people type small. */
function idNumberEndingInX(): string {
  for (;;) {
    const id = makeIdNumber();
    if (id.endsWith('X')) return id;
  }
}

const at = new Date('2026-05-26T02:00:00Z');

/** A person as the service writes one, through the repositories. */
async function insertPerson(db: Db, idNumber: string, phone: string): Promise<number> {
  const accountId = await insertAccount(db, {
    kind: 'applicant',
    login_name: idNumber,
    display_name: '测试',
    phone,
    password_hash: 'x',
    password_changed_at: at,
    created_at: at,
    updated_at: at,
  });
  await insertApplicant(db, {
    account_id: accountId,
    name: '测试',
    id_number: idNumber,
    gender: 'male',
    birth_date: '1990-01-01',
    created_at: at,
    updated_at: at,
  });
  return accountId;
}

describe('ID and phone numbers at rest', () => {
  it('are nowhere in the database in plain text after registration and an SMS', async () => {
    const unit = await registerUnit(ctx);
    const person = await registerApplicant(ctx);
    const other = makePhone();
    await ctx.agent().requestSmsCode({ phone: other, purpose: 'resetPassword' });
    const dump = await everyRow(ctx.db);
    for (const secret of [unit.phone, person.phone, person.idNumber, other]) {
      expect(dump, `${secret} in plain text`).not.toContain(secret);
    }
  });

  it('still let a person log in by ID number (with a small x) or phone, and a unit by phone', async () => {
    const person = await registerApplicant(ctx, { idNumber: idNumberEndingInX() });
    const agent = ctx.agent();
    expect((await agent.login('applicant', person.idNumber.toLowerCase(), person.password)).status).toBe(200);
    expect((await agent.get('/api/session')).body.account.loginName).toBe(person.idNumber);
    expect((await ctx.agent().login('applicant', person.phone, person.password)).status).toBe(200);
    const unit = await registerUnit(ctx);
    expect((await ctx.agent().login('unit', unit.phone, unit.password)).status).toBe(200);
  });

  it('still let the platform find a unit by its phone, and show it masked', async () => {
    const unit = await registerUnit(ctx);
    const { agent: admin } = await loggedInAdmin(ctx);
    const found = (await admin.get(`/api/admin/units?keyword=${unit.phone}`)).body.items;
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      creditCode: unit.creditCode,
      phoneMasked: maskPhone(unit.phone),
    });
  });

  it('still refuse a second registration of an ID number or a phone, and the database refuses one that races past', async () => {
    const person = await registerApplicant(ctx);
    await expect(registerApplicant(ctx, { idNumber: person.idNumber })).rejects.toThrow(/该身份证号已注册/);
    ctx.clock.advance(61_000);
    await expect(registerApplicant(ctx, { phone: person.phone })).rejects.toThrow(/PHONE_TAKEN/);

    const raced = async (idNumber: string, phone: string) =>
      ctx.db.transaction().execute((trx) => insertPerson(trx as unknown as Db, idNumber, phone));
    const idNumber = makeIdNumber();
    const phone = makePhone();
    await raced(idNumber, phone);
    const sameId = await raced(idNumber.toLowerCase(), makePhone()).catch((e: unknown) => uniqueViolation(e));
    expect(sameId).toMatch(/id_number_hash/);
    const samePhone = await raced(makeIdNumber(), phone).catch((e: unknown) => uniqueViolation(e));
    expect(samePhone).toMatch(/phone_hash/);
  });
});

describe('keys', () => {
  let handle: DatabaseHandle;
  const hash = generateFieldKeys().hash;
  const key = (id: string): FieldKeys['encryption'][number] => generateFieldKeys(id).encryption[0]!;
  const k1 = key('k1');
  const k2 = key('k2');
  const dbWith = (encryption: FieldKeys['encryption'], hashKey = hash) =>
    withFieldCipher(handle.db, createFieldCipher({ encryption, hash: hashKey }));
  const storedIdNumber = async (accountId: number) =>
    (
      await handle.db
        .selectFrom('applicant')
        .select('id_number')
        .where('account_id', '=', accountId)
        .executeTakeFirstOrThrow()
    ).id_number;

  beforeAll(async () => {
    handle = await openTestDatabase();
  });
  afterEach(async () => {
    await handle.db.deleteFrom('applicant').execute();
    await handle.db.deleteFrom('account').execute();
  });
  afterAll(async () => handle.close());

  it('read a value sealed under an old key after rotation, and db:reencrypt moves it to the new key', async () => {
    const idNumber = makeIdNumber();
    const accountId = await insertPerson(dbWith([k1]), idNumber, makePhone());
    expect(await storedIdNumber(accountId)).toMatch(/^v1:k1:/);

    const rotated = dbWith([k2, k1]);
    expect((await findApplicant(rotated, accountId))?.id_number).toBe(idNumber);
    expect(await reseal(rotated, 'reencrypt')).toEqual({
      'account.phone': 1,
      'account.login_name': 1,
      'applicant.id_number': 1,
    });
    expect(await storedIdNumber(accountId)).toMatch(/^v1:k2:/);
    expect(await reseal(rotated, 'reencrypt')).toEqual({});

    // The old key can go: everything reads with the new one alone, and nothing reads with the old one alone.
    const newOnly = dbWith([k2]);
    expect((await findApplicant(newOnly, accountId))?.id_number).toBe(idNumber);
    expect((await findAccountForLogin(newOnly, 'applicant', idNumber))?.id).toBe(accountId);
    await expect(findApplicant(dbWith([k1]), accountId)).rejects.toThrow(SealedValueError);
  });

  it('refuse a ciphertext that was altered', async () => {
    const db = dbWith([k1]);
    const accountId = await insertPerson(db, makeIdNumber(), makePhone());
    const stored = await storedIdNumber(accountId);
    const parts = stored.split(':');
    const body = Buffer.from(parts[4]!, 'base64');
    body[0] = body[0]! ^ 1;
    parts[4] = body.toString('base64');
    await handle.db
      .updateTable('applicant')
      .set({ id_number: parts.join(':') })
      .where('account_id', '=', accountId)
      .execute();
    await expect(findApplicant(db, accountId)).rejects.toThrow(/校验失败/);
    // Nor may the header be changed to name another key.
    const cipher = createFieldCipher({ encryption: [k1, { id: 'k9', key: k1.key }], hash });
    expect(() => cipher.open(stored.replace('v1:k1:', 'v1:k9:'))).toThrow(SealedValueError);
  });

  it('seal the rows of a database from before encryption at the next start, once, and they still log in', async () => {
    const idNumber = idNumberEndingInX();
    const phone = makePhone();
    // As the code before this change wrote them: plain text, no digest.
    const { id } = await handle.db
      .insertInto('account')
      .values({
        kind: 'applicant',
        login_name: idNumber,
        display_name: '旧数据',
        phone,
        password_hash: 'x',
        password_changed_at: at,
        created_at: at,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await handle.db
      .insertInto('applicant')
      .values({
        account_id: id,
        name: '旧数据',
        id_number: idNumber,
        gender: 'male',
        birth_date: '1990-01-01',
        created_at: at,
        updated_at: at,
      })
      .execute();

    const db = dbWith([k1]);
    expect(await reseal(db, 'encrypt')).toEqual({
      'account.phone': 1,
      'account.login_name': 1,
      'applicant.id_number': 1,
    });
    expect(await reseal(db, 'encrypt')).toEqual({});
    expect(await everyRow(handle.db)).not.toContain(idNumber);
    expect((await findAccountForLogin(db, 'applicant', idNumber.toLowerCase()))?.login_name).toBe(idNumber);
    expect((await findAccountForLogin(db, 'applicant', phone))?.id).toBe(id);
  });

  it('find nothing under a new hash key until db:rehash has run', async () => {
    const idNumber = makeIdNumber();
    const phone = makePhone();
    const accountId = await insertPerson(dbWith([k1]), idNumber, phone);
    const newHash = generateFieldKeys().hash;
    const db = dbWith([k1], newHash);
    expect(await findAccountForLogin(db, 'applicant', idNumber)).toBeUndefined();
    expect(await reseal(db, 'rehash')).toEqual({ 'account.phone': 1, 'applicant.id_number': 1 });
    expect((await findAccountForLogin(db, 'applicant', idNumber))?.id).toBe(accountId);
    expect((await findAccountForLogin(db, 'applicant', phone))?.id).toBe(accountId);
  });
});

describe('development keys', () => {
  it('are made at random at the first start, kept in the data folder for its user only, and read back later', () => {
    const dir = mkdtempSync(join(tmpdir(), 'zc-keys-'));
    try {
      const first = devFieldKeys(dir);
      expect(statSync(join(dir, 'dev-field-keys.json')).mode & 0o777).toBe(0o600);
      expect(devFieldKeys(dir)).toEqual(first);
      const other = mkdtempSync(join(tmpdir(), 'zc-keys-'));
      expect(devFieldKeys(other).hash.equals(first.hash)).toBe(false);
      rmSync(other, { recursive: true, force: true });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
