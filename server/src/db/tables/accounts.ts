import type { Generated } from 'kysely';
import type { AccountKind, SmsPurpose, UnitLevel, UnitNature } from '#common';
import type { Timestamp, Id } from './columns';

/** Accounts and what signing in needs: sessions, captchas, SMS codes, rate limits, demo credentials. */

export interface AccountTable {
  id: Id;
  kind: AccountKind;
  /**
   * What the person types in 用户名/手机号/社会信用代码: a unit's credit code, an admin's or reviewer's user
   * name; a person's ID number, sealed (found through applicant.id_number_hash).
   */
  login_name: string;
  display_name: string;
  /** Sealed (see db/personal-data.ts); repositories hand it on opened. */
  phone: string | null;
  /** The phone's keyed digest: what login, lookups and the one-phone-per-kind index use. */
  phone_hash: string | null;
  password_hash: string;
  must_change_password: Generated<boolean>;
  failed_login_count: Generated<number>;
  locked_at: Timestamp | null;
  /** When a temporary lock lifts; null on a locked account: held until unlocked. */
  locked_until: Timestamp | null;
  /** Temporary locks since the last good password. */
  lock_rounds: Generated<number>;
  password_changed_at: Timestamp;
  created_at: Timestamp;
  updated_at: Timestamp;
}
export interface UnitTable {
  id: Id;
  account_id: number;
  name: string;
  credit_code: string;
  contact_name: string;
  /** Sealed; repositories hand it on opened. */
  contact_phone: string;
  contact_phone_hash: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  nature: UnitNature | null;
  level: UnitLevel | null;
  region_code: string | null;
  fax: string | null;
  address: string | null;
  remark: string | null;
  license_file_id: number | null;
  info_updated_at: Timestamp | null;
}
export interface SessionTable {
  /** SHA-256 of the cookie's token: a leaked table row cannot be replayed as a cookie. */
  id: string;
  account_id: number;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
  ended_at: Timestamp | null;
  ip: string | null;
  user_agent: string | null;
}
export interface CaptchaTable {
  id: string;
  answer: string;
  created_at: Timestamp;
  expires_at: Timestamp;
}
export interface SmsCodeTable {
  id: Id;
  /** Sealed; codes are found by phone_hash. */
  phone: string;
  phone_hash: string | null;
  purpose: SmsPurpose;
  code_hash: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  used_at: Timestamp | null;
  failed_attempts: Generated<number>;
  requested_ip: string | null;
}
/** Wrong passwords typed for login names that have no account, counted like an account's. */
export interface UnknownLoginTable {
  /** HMAC (the field hash key) of the tab and the name as typed (normalised). */
  name_key: string;
  failed_count: Generated<number>;
  locked_at: Timestamp | null;
  locked_until: Timestamp | null;
  lock_rounds: Generated<number>;
  updated_at: Timestamp;
}
export interface SmsOutboxTable {
  id: Id;
  /** Sealed; found by phone_hash. */
  phone: string;
  phone_hash: string | null;
  content: string;
  provider: string;
  created_at: Timestamp;
}
export interface RateLimitTable {
  key: string;
  window_started_at: Timestamp;
  count: number;
}
export interface DemoCredentialTable {
  id: Id;
  kind: AccountKind;
  username: string;
  password: string;
  note: string;
}
/** 两步验证 of an admin or reviewer account; no `enabled_at`: an enrolment not yet confirmed. */
export interface TwoFactorTable {
  account_id: number;
  /** The base32 TOTP secret, read and written only through two-factor.repository.ts. */
  secret: string;
  enabled_at: Timestamp | null;
  /** The time step of the last code accepted: a code is never accepted twice. */
  last_used_step: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}
/** One-time recovery codes: a salted SHA-256 of each. */
export interface RecoveryCodeTable {
  id: Id;
  account_id: number;
  salt: string;
  code_hash: string;
  used_at: Timestamp | null;
  created_at: Timestamp;
}
/** A right password waiting for its second step (5 minutes, one success). */
export interface LoginChallengeTable {
  /** SHA-256 of the challenge id the browser holds. */
  id: string;
  account_id: number;
  created_at: Timestamp;
  expires_at: Timestamp;
  used_at: Timestamp | null;
}
