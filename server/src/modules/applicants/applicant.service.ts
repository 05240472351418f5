import { idNumberBirthDate, idNumberGender, maskIdNumber, maskPhone } from '#common';
import type { z } from 'zod';
import type { applicantRegisterBodySchema } from '#common';
import type { Clock } from '../../clock';
import type { Db } from '../../db/database';
import { uniqueViolation } from '../../db/unique-violation';
import { AppError, notFound } from '../../domain/app-error';
import { phoneTakenError } from '../account/account.service';
import { appendAudit } from '../audit/audit.repository';
import type { AuditActor } from '../../domain/actor';
import { phoneInUse } from '../auth/account.repository';
import { hashPassword } from '../auth/password-hasher';
import { insertMessage } from '../messages/message.repository';
import type { SmsService } from '../sms/sms.service';
import { contains } from '../../db/contains';

type RegisterInput = z.output<typeof applicantRegisterBodySchema>;

const idNumberTaken = () =>
  new AppError('CONFLICT', '该身份证号已注册。如忘记密码请点击【忘记密码】通过注册手机号找回');

export function findApplicant(db: Db, accountId: number) {
  return db.selectFrom('applicant').selectAll().where('account_id', '=', accountId).executeTakeFirst();
}

export function createApplicantService(db: Db, clock: Clock, sms: SmsService) {
  return {
    /** 个人用户注册: the account, the person and a welcome in 我的消息, together or not at all. */
    async register(actor: AuditActor, input: RegisterInput) {
      if (
        await db.selectFrom('applicant').select('account_id').where('id_number', '=', input.idNumber).executeTakeFirst()
      )
        throw idNumberTaken();
      if (await phoneInUse(db, 'applicant', input.phone)) throw phoneTakenError();
      const codeId = await sms.check(input.phone, 'applicantRegister', input.smsCode);
      const passwordHash = await hashPassword(input.password);
      const birth = idNumberBirthDate(input.idNumber)!;
      try {
        return await db.transaction().execute(async (trx) => {
          const now = clock.now();
          await sms.consume(trx, codeId);
          const account = await trx
            .insertInto('account')
            .values({
              kind: 'applicant',
              login_name: input.idNumber,
              display_name: input.name,
              phone: input.phone,
              password_hash: passwordHash,
              password_changed_at: now,
              created_at: now,
              updated_at: now,
            })
            .returning('id')
            .executeTakeFirstOrThrow();
          await trx
            .insertInto('applicant')
            .values({
              account_id: account.id,
              name: input.name,
              id_number: input.idNumber,
              gender: idNumberGender(input.idNumber),
              birth_date: birth.toISOString().slice(0, 10),
              created_at: now,
              updated_at: now,
            })
            .execute();
          await appendAudit(trx, { ...actor, accountId: account.id, kind: 'applicant' }, now, {
            action: 'applicant.register',
            objectType: 'account',
            objectId: account.id,
            detail: { idNumber: maskIdNumber(input.idNumber), phone: maskPhone(input.phone) },
          });
          await insertMessage(trx, now, {
            recipientAccountId: account.id,
            senderAccountId: null,
            senderKind: 'system',
            content: `${input.name}，欢迎注册职称申报管理系统。请先在【个人信息】中选择您的工作单位，再填写申报材料。`,
          });
          return account.id;
        });
      } catch (error) {
        const constraint = uniqueViolation(error);
        if (constraint === null) throw error;
        throw constraint.includes('phone') ? phoneTakenError() : idNumberTaken();
      }
    },

    async profile(accountId: number) {
      const row = await db
        .selectFrom('applicant')
        .innerJoin('account', 'account.id', 'applicant.account_id')
        .leftJoin('unit', 'unit.id', 'applicant.unit_id')
        .select([
          'applicant.name',
          'applicant.id_number',
          'applicant.gender',
          'applicant.birth_date',
          'account.phone',
          'unit.id as unit_id',
          'unit.name as unit_name',
        ])
        .where('applicant.account_id', '=', accountId)
        .executeTakeFirst();
      if (!row) throw notFound('个人信息不存在');
      return {
        name: row.name,
        idNumber: row.id_number,
        gender: row.gender,
        birthDate: row.birth_date,
        phoneMasked: row.phone ? maskPhone(row.phone) : '',
        unit: row.unit_id ? { unitId: String(row.unit_id), unitName: row.unit_name! } : null,
      };
    },

    async rename(actor: AuditActor & { accountId: number }, name: string) {
      await db.transaction().execute(async (trx) => {
        const now = clock.now();
        await trx
          .updateTable('applicant')
          .set({ name, updated_at: now })
          .where('account_id', '=', actor.accountId)
          .execute();
        await trx
          .updateTable('account')
          .set({ display_name: name, updated_at: now })
          .where('id', '=', actor.accountId)
          .execute();
        await appendAudit(trx, actor, now, {
          action: 'applicant.profile.update',
          objectType: 'account',
          objectId: actor.accountId,
          detail: { name },
        });
      });
    },

    /** 选择单位: by name or credit code; a unit not registered is not found (FAQ §7.4). */
    searchUnits(keyword: string) {
      const like = contains(keyword);
      return db
        .selectFrom('unit')
        .select(['id', 'name', 'credit_code'])
        .where((eb) => eb.or([eb('name', 'like', like), eb('credit_code', '=', keyword.toUpperCase())]))
        .orderBy('name')
        .limit(20)
        .execute();
    },

    /**
     * The person joins a unit and appears in its 专业技术人员. A unit with incomplete information or
     * without an approved supervisor may be chosen: it blocks submission, not the choice (FAQ §7.6, §7.8).
     */
    async chooseUnit(actor: AuditActor & { accountId: number }, unitId: number) {
      const unit = await db
        .selectFrom('unit')
        .select(['id', 'name', 'account_id'])
        .where('id', '=', unitId)
        .executeTakeFirst();
      if (!unit)
        throw new AppError(
          'NOT_FOUND',
          '检索不到单位：单位尚未在系统中注册账号，请联系单位负责人在平台注册（首页 - 单位登录 - 单位注册）',
        );
      await db.transaction().execute(async (trx) => {
        const now = clock.now();
        const person = await trx
          .selectFrom('applicant')
          .select(['name', 'unit_id'])
          .where('account_id', '=', actor.accountId)
          .forUpdate()
          .executeTakeFirstOrThrow();
        if (person.unit_id === unit.id) return;
        await trx
          .updateTable('applicant')
          .set({ unit_id: unit.id, unit_joined_at: now, updated_at: now })
          .where('account_id', '=', actor.accountId)
          .execute();
        await appendAudit(trx, actor, now, {
          action: 'applicant.unit.choose',
          objectType: 'account',
          objectId: actor.accountId,
          detail: { from: person.unit_id, to: unit.id },
        });
        await insertMessage(trx, now, {
          recipientAccountId: unit.account_id,
          senderAccountId: null,
          senderKind: 'system',
          content: `${person.name} 已选择贵单位为工作单位，已列入【专业技术人员】。`,
        });
      });
    },
  };
}

export type ApplicantService = ReturnType<typeof createApplicantService>;
