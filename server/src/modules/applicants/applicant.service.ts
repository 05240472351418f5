import { idNumberBirthDate, idNumberGender, maskIdNumber, maskPhone } from '#common';
import type { z } from 'zod';
import type { applicantRegisterBodySchema } from '#common';
import type { Clock } from '../../clock';
import type { Db } from '../../db/database';
import { uniqueViolation } from '../../db/unique-violation';
import { AppError, notFound } from '../../domain/app-error';
import type { ApplicantActor, AuditActor } from '../../domain/actor';
import { phoneTakenError } from '../account/account.service';
import { appendAudit } from '../audit/audit.repository';
import { insertAccount, phoneInUse, setDisplayName } from '../auth/account.repository';
import { hashPassword } from '../auth/password-hasher';
import { publish } from '../notifications/outbox.repository';
import type { SmsService } from '../sms/sms.service';
import { findUnit } from '../units/unit.repository';
import type { UnitInfoService } from '../units/unit-info.service';
import {
  findApplicant,
  findProfile,
  idNumberRegistered,
  insertApplicant,
  joinUnit,
  lockApplicant,
  renameApplicant,
  searchUnits,
} from './applicant.repository';
import { presentProfile, presentUnitSearchRow } from './applicant.presenter';

type RegisterInput = z.output<typeof applicantRegisterBodySchema>;

const idNumberTaken = () =>
  new AppError('CONFLICT', '该身份证号已注册。如忘记密码请点击【忘记密码】通过注册手机号找回');

export function createApplicantService(
  db: Db,
  clock: Clock,
  deps: { sms: SmsService; unitInfo: Pick<UnitInfoService, 'readiness'> },
) {
  const { sms, unitInfo } = deps;
  return {
    /** 个人用户注册: the account, the person and a welcome in 我的消息, together or not at all. */
    async register(visitor: AuditActor, input: RegisterInput): Promise<{ accountId: string }> {
      // The code first: whether an ID number or a phone is registered is told only to the phone's holder.
      const codeId = await sms.checkThen(input.phone, 'applicantRegister', input.smsCode, async () => {
        if (await idNumberRegistered(db, input.idNumber)) throw idNumberTaken();
        if (await phoneInUse(db, 'applicant', input.phone)) throw phoneTakenError();
      });
      const passwordHash = await hashPassword(input.password);
      const birth = idNumberBirthDate(input.idNumber)!;
      try {
        const accountId = await db.transaction().execute(async (trx) => {
          const now = clock.now();
          await sms.consume(trx, codeId);
          const id = await insertAccount(trx, {
            kind: 'applicant',
            login_name: input.idNumber,
            display_name: input.name,
            phone: input.phone,
            password_hash: passwordHash,
            password_changed_at: now,
            created_at: now,
            updated_at: now,
          });
          await insertApplicant(trx, {
            account_id: id,
            name: input.name,
            id_number: input.idNumber,
            gender: idNumberGender(input.idNumber),
            birth_date: birth.toISOString().slice(0, 10),
            created_at: now,
            updated_at: now,
          });
          await appendAudit(trx, { ...visitor, accountId: id, kind: 'applicant' }, now, {
            action: 'applicant.register',
            objectType: 'account',
            objectId: id,
            detail: { idNumber: maskIdNumber(input.idNumber), phone: maskPhone(input.phone) },
          });
          await publish(trx, now, { type: 'applicant.registered', accountId: id, name: input.name });
          return id;
        });
        return { accountId: String(accountId) };
      } catch (error) {
        const constraint = uniqueViolation(error);
        if (constraint === null) throw error;
        throw constraint.includes('phone') ? phoneTakenError() : idNumberTaken();
      }
    },

    async profile(actor: ApplicantActor) {
      const row = await findProfile(db, actor.accountId);
      if (!row) throw notFound('个人信息不存在');
      return presentProfile(row);
    },

    async rename(actor: ApplicantActor, name: string) {
      await db.transaction().execute(async (trx) => {
        const now = clock.now();
        await renameApplicant(trx, actor.accountId, name, now);
        await setDisplayName(trx, actor.accountId, name, now);
        await appendAudit(trx, actor, now, {
          action: 'applicant.profile.update',
          objectType: 'account',
          objectId: actor.accountId,
          detail: { name },
        });
      });
    },

    /** 选择单位: by name or credit code; a unit not registered is not found (FAQ §7.4). */
    async searchUnits(keyword: string) {
      return (await searchUnits(db, keyword)).map(presentUnitSearchRow);
    },

    /**
     * The person joins a unit and appears in its 专业技术人员. A unit with incomplete information or
     * without an approved supervisor may be chosen: it blocks submission, not the choice (FAQ §7.6, §7.8).
     */
    async chooseUnit(actor: ApplicantActor, unitId: number) {
      const unit = await findUnit(db, unitId);
      if (!unit)
        throw new AppError(
          'NOT_FOUND',
          '检索不到单位：单位尚未在系统中注册账号，请联系单位负责人在平台注册（首页 - 单位登录 - 单位注册）',
        );
      await db.transaction().execute(async (trx) => {
        const now = clock.now();
        const person = await lockApplicant(trx, actor.accountId);
        if (person.unit_id === unit.id) return;
        await joinUnit(trx, actor.accountId, unit.id, now);
        await appendAudit(trx, actor, now, {
          action: 'applicant.unit.choose',
          objectType: 'account',
          objectId: actor.accountId,
          detail: { from: person.unit_id, to: unit.id },
        });
        await publish(trx, now, {
          type: 'applicant.unitChosen',
          unitAccountId: unit.account_id,
          personName: person.name,
        });
      });
    },

    /** Whether the unit the person chose lets them submit now, and why not; null before they choose one. */
    async unitReadiness(actor: ApplicantActor) {
      const person = await findApplicant(db, actor.accountId);
      const unit = person?.unit_id ? await findUnit(db, person.unit_id) : undefined;
      return unit ? unitInfo.readiness(unit) : null;
    },
  };
}

export type ApplicantService = ReturnType<typeof createApplicantService>;
