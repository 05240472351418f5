import type { Executor } from '../../db/database';
import type { AccountRow } from '../../db/schema';
import type { Actor } from '../../domain/actor';
import { AppError, forbidden } from '../../domain/app-error';
import { reviewerOrg } from '../organisations/organisation.repository';
import { findUnitByAccount } from '../units/unit.repository';
import { expertOf } from '../committee-work/expert.repository';

/** Whom a signed-in account speaks for: looked up once per request, by the guard's scope. */
export async function resolveActor(db: Executor, account: AccountRow, ip: string | null): Promise<Actor> {
  const base = { accountId: account.id, displayName: account.display_name, ip };
  switch (account.kind) {
    case 'applicant':
      return { ...base, kind: 'applicant' };
    case 'unit': {
      const unit = await findUnitByAccount(db, account.id);
      if (!unit) throw new AppError('NOT_FOUND', '单位不存在');
      return { ...base, kind: 'unit', unitId: unit.id, unitName: unit.name };
    }
    case 'reviewer': {
      const org = await reviewerOrg(db, account.id);
      if (!org) throw forbidden('审核用户未关联机构，请联系平台');
      return { ...base, kind: 'reviewer', ...org };
    }
    case 'admin':
      return { ...base, kind: 'admin' };
    case 'expert': {
      const expert = await expertOf(db, account.id);
      if (!expert) throw forbidden('专家账号未关联评委会，请联系评委会办公室');
      if (expert.status !== 'active') throw forbidden('专家账号已暂停，请联系评委会办公室');
      return { ...base, kind: 'expert', committeeId: expert.committee_id, committeeName: expert.committee_name };
    }
  }
}
