import { maskPhone, type UnitRegisterBody } from '#common';
import type { Clock } from '../../clock';
import type { Db } from '../../db/database';
import { uniqueViolation } from '../../db/unique-violation';
import type { AuditActor } from '../../domain/actor';
import { AppError } from '../../domain/app-error';
import { phoneTakenError } from '../account/account.service';
import { appendAudit } from '../audit/audit.repository';
import { phoneInUse } from '../auth/account.repository';
import { hashPassword } from '../auth/password-hasher';
import type { SmsService } from '../sms/sms.service';
import { creditCodeInUse, insertUnitWithAccount } from './unit.repository';

// The demo seed makes its unit with it.
export { insertUnitWithAccount } from './unit.repository';

const creditCodeTaken = () =>
  new AppError(
    'CREDIT_CODE_TAKEN',
    '该统一社会信用代码已注册。如忘记密码请点击【忘记密码】找回；密码和手机号都遗失的请联系平台',
  );

export function createUnitRegistrationService(db: Db, clock: Clock, sms: SmsService) {
  return {
    /** 单位注册 (manual §1.2): one account and one unit, created together or not at all. */
    async register(actor: AuditActor, body: UnitRegisterBody): Promise<{ unitId: string }> {
      // The code first: whether a credit code or a phone is registered is told only to the phone's holder.
      const codeId = await sms.checkThen(body.phone, 'unitRegister', body.smsCode, async () => {
        if (await creditCodeInUse(db, body.creditCode)) throw creditCodeTaken();
        if (await phoneInUse(db, 'unit', body.phone)) throw phoneTakenError();
      });
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
          return { unitId: String(unitId) };
        });
      } catch (error) {
        // Two registrations racing for the same code or phone: the loser is told which one.
        const constraint = uniqueViolation(error);
        if (constraint === null) throw error;
        if (constraint.includes('phone')) throw phoneTakenError();
        throw creditCodeTaken();
      }
    },
  };
}

export type UnitRegistrationService = ReturnType<typeof createUnitRegistrationService>;
