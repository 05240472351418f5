import type { OrgKind, ReviewerCreateBody } from '#common';
import type { Clock } from '../../clock';
import type { Db } from '../../db/database';
import type { AdminActor } from '../../domain/actor';
import { notFound } from '../../domain/app-error';
import { generatePassword } from '../auth/password-generator';
import { hashPassword } from '../auth/password-hasher';
import { findOrganisation } from './organisation.repository';
import { presentReviewer } from './organisation.presenter';
import { assertPlatform, audited, type PlatformActor } from './platform-write';
import * as reviewers from './reviewer.repository';
import { giveTemporaryPassword } from '../auth/account.repository';

/** 审核用户: the accounts of the reviewing organisations, which only the platform makes. */
export function createReviewerAccountService(db: Db, clock: Clock) {
  /** A 审核用户 of one organisation, with a one-time password the admin hands over; it must be changed at first login. */
  async function createReviewer(actor: PlatformActor, body: ReviewerCreateBody) {
    assertPlatform(actor);
    const orgId = Number(body.orgId);
    const org = await findOrganisation(db, body.orgKind, orgId);
    if (!org) throw notFound('机构不存在');
    const temporaryPassword = generatePassword();
    const passwordHash = await hashPassword(temporaryPassword);
    const accountId = await audited(
      db,
      clock,
      actor,
      body.phone ? '该用户名或手机号已被使用' : '该用户名已被使用',
      async (trx, now) => {
        const id = await reviewers.insertReviewer(trx, now, {
          username: body.username,
          displayName: body.displayName,
          phone: body.phone ?? null,
          passwordHash,
          orgKind: body.orgKind,
          orgId,
        });
        return {
          result: id,
          audit: {
            action: 'reviewer.create',
            objectType: 'account',
            objectId: id,
            detail: { username: body.username, orgKind: body.orgKind, orgId },
          },
        };
      },
    );
    return { accountId, temporaryPassword, orgName: org.name };
  }

  return {
    createReviewer,

    async reviewers(actor: AdminActor, filter: { orgKind?: OrgKind; orgId?: string }) {
      assertPlatform(actor);
      const rows = await reviewers.listReviewers(
        db,
        {
          orgKind: filter.orgKind,
          orgId: filter.orgId ? Number(filter.orgId) : undefined,
        },
        clock.now(),
      );
      return rows.map(presentReviewer);
    },

    /** 新增审核用户 as the admin's page shows it: the new row, and its one-time password (shown once). */
    async addReviewer(actor: AdminActor, body: ReviewerCreateBody) {
      const { accountId, temporaryPassword } = await createReviewer(actor, body);
      const [row] = await reviewers.listReviewers(db, { accountId }, clock.now());
      return { ...presentReviewer(row!), temporaryPassword };
    },

    /** A new one-time password for a reviewer who lost theirs. */
    async resetReviewerPassword(actor: PlatformActor, accountId: number) {
      assertPlatform(actor);
      if (!(await reviewers.findReviewer(db, accountId))) throw notFound('审核用户不存在');
      const temporaryPassword = generatePassword();
      const passwordHash = await hashPassword(temporaryPassword);
      await audited(db, clock, actor, '', async (trx, now) => {
        await giveTemporaryPassword(trx, now, accountId, passwordHash);
        return {
          result: null,
          audit: { action: 'reviewer.password.reset', objectType: 'account', objectId: accountId },
        };
      });
      return temporaryPassword;
    },
  };
}
