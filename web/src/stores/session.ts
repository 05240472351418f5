import { defineStore } from 'pinia';
import type { AccountKind, SessionAccount, SessionInfo } from '#common';
import { setCsrfToken } from '../api/http';
import { reviewerApi, type ReviewerOrg } from '../api/reviewer';
import { sessionApi } from '../api/session';

type DemoInfo = SessionInfo['demo'];

/** Where each kind of account lands after login, and where its 修改密码 page is. */
export const homeOf: Record<AccountKind, string> = {
  unit: '/unit/home',
  admin: '/admin/units',
  applicant: '/applicant/profile',
  reviewer: '/reviewer/home',
  expert: '/expert/meetings',
};

export const passwordPageOf: Record<AccountKind, string> = {
  unit: '/unit/password',
  admin: '/admin/password',
  applicant: '/applicant/password',
  reviewer: '/reviewer/password',
  expert: '/expert/password',
};

/** 两步验证, for the kinds that have it. */
export const twoFactorPageOf: Partial<Record<AccountKind, string>> = {
  admin: '/admin/two-factor',
  reviewer: '/reviewer/two-factor',
  expert: '/expert/two-factor',
};

/**
 * The one page an account may open before anything else: 修改密码 with a temporary password, then
 * 两步验证 while TWO_FACTOR_REQUIRED waits for it; null when every page is open.
 */
export function onlyPageOf(account: SessionAccount | null): string | null {
  if (!account) return null;
  if (account.mustChangePassword) return passwordPageOf[account.kind];
  if (account.mustEnrolTwoFactor) return twoFactorPageOf[account.kind] ?? null;
  return null;
}

/**
 * This tab had a signed-in account (kept in sessionStorage, per tab, across reloads): a page loaded later
 * without one means the session ended meanwhile (a timeout, a logout in another tab clearing the cookie).
 */
const signedInMark = 'zc-signed-in';

function markSignedIn(kind: AccountKind | null): void {
  try {
    if (kind) globalThis.sessionStorage.setItem(signedInMark, kind);
    else globalThis.sessionStorage.removeItem(signedInMark);
  } catch {
    // Storage may be refused (private mode): the in-memory account still tells a lapse within the page.
  }
}

function markedSignedIn(): boolean {
  try {
    return globalThis.sessionStorage.getItem(signedInMark) !== null;
  } catch {
    return false;
  }
}

export const useSessionStore = defineStore('session', {
  state: () => ({
    account: null as SessionAccount | null,
    demo: null as DemoInfo,
    /** SMS_DAILY_LIMIT, as the forms' tip says it (3 until the session is loaded). */
    smsDailyLimit: 3,
    loaded: false,
    /** The kind of the last signed-in account, to send it back to the right login page. */
    lastKind: null as AccountKind | null,
    /** The browser's session timed out (the login page says so). */
    sessionExpired: false,
    /** Who a 审核用户 speaks for (shown in the top bar; decides the reviewer's menu). */
    reviewerOrg: null as ReviewerOrg | null,
  }),
  getters: {
    kind: (state): AccountKind | null => state.account?.kind ?? null,
    loggedIn: (state): boolean => state.account !== null,
  },
  actions: {
    /** GET /api/session: who is signed in, the CSRF token and the demo credentials. */
    async refresh(): Promise<void> {
      const wasSignedIn = this.loaded ? this.account !== null : markedSignedIn();
      const info = await sessionApi.get();
      setCsrfToken(info.csrfToken);
      if (this.account?.id !== info.account?.id) this.reviewerOrg = null;
      if (this.account && !info.account) this.lastKind = this.account.kind;
      this.account = info.account;
      // Without its cookie the server cannot tell a lapse; the tab that was signed in can.
      this.sessionExpired = info.sessionExpired || (wasSignedIn && !info.account);
      this.demo = info.demo;
      this.smsDailyLimit = info.smsDailyLimit;
      this.loaded = true;
      if (info.account) this.lastKind = info.account.kind;
      markSignedIn(info.account?.kind ?? null);
    },
    async ensureLoaded(): Promise<void> {
      if (!this.loaded) await this.refresh();
    },
    async afterLogin(account: SessionAccount): Promise<void> {
      this.reviewerOrg = null;
      this.account = account;
      this.lastKind = account.kind;
      await this.refresh();
    },
    async logout(): Promise<void> {
      try {
        await sessionApi.logout();
      } finally {
        this.account = null;
        markSignedIn(null);
        await this.refresh().catch(() => undefined);
      }
    },
    /** The server said the session is gone: the login page says 登录已超时. */
    forget(): void {
      if (this.account) {
        this.lastKind = this.account.kind;
        this.sessionExpired = true;
      }
      this.account = null;
      this.reviewerOrg = null;
    },
    async loadReviewerOrg(): Promise<ReviewerOrg | null> {
      if (this.account?.kind !== 'reviewer') return null;
      if (!this.reviewerOrg) this.reviewerOrg = await reviewerApi.me();
      return this.reviewerOrg;
    },
    twoFactorEnrolled(): void {
      if (this.account) this.account = { ...this.account, mustEnrolTwoFactor: false };
    },
    passwordChanged(): void {
      if (this.account) this.account = { ...this.account, mustChangePassword: false };
    },
  },
});
