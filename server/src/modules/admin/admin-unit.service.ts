import type { AdminUnitQuery } from '#common';
import type { Clock } from '../../clock';
import type { Db } from '../../db/database';
import type { AdminActor } from '../../domain/actor';
import { notFound } from '../../domain/app-error';
import type { AccountService } from '../account/account.service';
import { findRegion } from '../reference/region.repository';
import { unitSupervisors } from '../supervision/supervision.repository';
import { findUnit } from '../units/unit.repository';
import { presentAdminUnitDetail, presentAdminUnitRow } from './admin.presenter';
import { accountContact, storedFileName, unitPage } from './admin.repository';

/** 单位管理 (manual §1.3, §1.4, §7.3): the platform finds a unit, unlocks an account, gives a unit a new phone. */
export function createAdminUnitService(db: Db, clock: Clock, deps: { accounts: AccountService }) {
  async function unitOf(unitId: number) {
    const unit = await findUnit(db, unitId);
    if (!unit) throw notFound('单位不存在');
    return unit;
  }

  return {
    async units(_actor: AdminActor, query: AdminUnitQuery) {
      const page = await unitPage(db, query, query, clock.now());
      return {
        items: page.rows.map(presentAdminUnitRow),
        total: page.total,
        page: query.page,
        pageSize: query.pageSize,
      };
    },

    async unit(_actor: AdminActor, unitId: number) {
      const unit = await unitOf(unitId);
      const [account, region, supervisors, licence] = await Promise.all([
        accountContact(db, unit.account_id, clock.now()),
        unit.region_code ? findRegion(db, unit.region_code) : undefined,
        unitSupervisors(db, unit.id),
        unit.license_file_id ? storedFileName(db, unit.license_file_id) : undefined,
      ]);
      return presentAdminUnitDetail(unit, account, region, supervisors, licence);
    },

    /** For a unit that lost both its password and its phone, after the platform checked its licence offline. */
    async setUnitPhone(actor: AdminActor, unitId: number, body: { newPhone: string; reason: string }) {
      const unit = await unitOf(unitId);
      await deps.accounts.setPhoneByPlatform(actor, unit.account_id, body.newPhone, body.reason);
    },

    unlockAccount: (actor: AdminActor, accountId: number) =>
      deps.accounts.unlock(actor, { kind: 'admin', accountId: actor.accountId, unitId: null }, accountId),
  };
}

export type AdminUnitService = ReturnType<typeof createAdminUnitService>;
