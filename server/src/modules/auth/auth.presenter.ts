import { maskPhone, type SessionAccount } from '#common';
import type { AccountRow } from '../../db/schema';

export function presentAccount(account: AccountRow, mustEnrolTwoFactor = false): SessionAccount {
  return {
    id: String(account.id),
    kind: account.kind,
    displayName: account.display_name,
    loginName: account.login_name,
    phoneMasked: account.phone ? maskPhone(account.phone) : null,
    mustChangePassword: account.must_change_password,
    mustEnrolTwoFactor,
  };
}
