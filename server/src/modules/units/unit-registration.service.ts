import { maskPhone, type UnitRegisterBody } from '#common';
import type { Clock } from '../../clock';
import type { Db } from '../../db/database';
import { uniqueViolation } from '../../db/unique-violation';
import { AppError } from '../../domain/app-error';
import { phoneTakenError } from '../account/account.service';
import { appendAudit } from '../audit/audit.repository';
import type { AuditActor } from '../../domain/actor';
import { phoneInUse } from '../auth/account.repository';
import { hashPassword } from '../auth/password-hasher';
import type { SmsService } from '../sms/sms.service';

const creditCodeTaken = () =>
  new AppError(
    'CREDIT_CODE_TAKEN',
    '该统一社会信用代码已注册。如忘记密码请点击【忘记密码】找回；密码和手机号都遗失的请联系平台',
  );

export function creditCodeInUse(db: Db, creditCode: string) {
  return db.selectFrom('unit').select('id').where('credit_code', '=', creditCode).executeTakeFirst();
}

/** The unit's account (its credit code is its login name) and the unit itself; the caller's transaction. */
export async function insertUnitWithAccount(
  trx: Db,
  now: Date,
  unit: { unitName: string; creditCode: string; contactName: string; phone: string; passwordHash: string },
): Promise<{ accountId: number; unitId: number }> {
  const account = await trx
    .insertInto('account')
    .values({
      kind: 'unit',
      login_name: unit.creditCode,
      display_name: unit.unitName,
      phone: unit.phone,
      password_hash: unit.passwordHash,
      password_changed_at: now,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const row = await trx
    .insertInto('unit')
    .values({
      account_id: account.id,
      name: unit.unitName,
      credit_code: unit.creditCode,
      contact_name: unit.contactName,
      contact_phone: unit.phone,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { accountId: account.id, unitId: row.id };
}

/** 单位注册 (manual §1.2): one account and one unit, created together or not at all. */
export async function registerUnit(
  deps: { db: Db; clock: Clock; sms: SmsService },
  actor: AuditActor,
  body: UnitRegisterBody,
): Promise<{ unitId: number; accountId: number }> {
  const { db, clock, sms } = deps;
  if (await creditCodeInUse(db, body.creditCode)) throw creditCodeTaken();
  if (await phoneInUse(db, 'unit', body.phone)) throw phoneTakenError();
  const codeId = await sms.check(body.phone, 'unitRegister', body.smsCode);
  const passwordHash = await hashPassword(body.password);
  try {
    return await db.transaction().execute(async (trx) => {
      const now = clock.now();
      await sms.consume(trx, codeId);
      const { accountId, unitId } = await insertUnitWithAccount(trx, now, { ...body, passwordHash });
      await appendAudit(trx, { ...actor, accountId, kind: 'unit' }, now, {
        action: 'unit.register',
        objectType: 'unit',
        objectId: unitId,
        detail: { unitName: body.unitName, creditCode: body.creditCode, phone: maskPhone(body.phone) },
      });
      return { unitId, accountId };
    });
  } catch (error) {
    // Two registrations racing for the same code or phone: the loser is told which one.
    const constraint = uniqueViolation(error);
    if (constraint === null) throw error;
    if (constraint.includes('phone')) throw phoneTakenError();
    throw creditCodeTaken();
  }
}
