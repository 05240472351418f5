import type { Router } from 'vue-router';
import { homeOf, type useSessionStore } from './stores/session';

type SessionStore = ReturnType<typeof useSessionStore>;

/**
 * A tab left open learns only at its next request that its session ended (a timeout, a logout or a
 * password change in another tab). Asking again whenever the tab comes back to the front sends it to
 * the login page at once, instead of showing 首页 until a click fails.
 */
export function watchSessionElsewhere(router: Router, session: SessionStore): void {
  let checking = false;

  async function recheck(): Promise<void> {
    const before = session.account;
    if (!before || checking) return;
    checking = true;
    try {
      await session.refresh();
    } catch {
      return; // Offline: the next request tells.
    } finally {
      checking = false;
    }
    const current = router.currentRoute.value;
    const now = session.account;
    if (now && now.id === before.id) return;
    // Another account signed in meanwhile in this browser: its own home, not the old account's page.
    if (now) {
      void router.replace(homeOf[now.kind]);
      return;
    }
    if (!current.meta.kind) return;
    void router.push(
      before.kind === 'admin'
        ? { path: '/admin/login' }
        : { path: '/login', query: { kind: before.kind, redirect: current.fullPath } },
    );
  }

  globalThis.addEventListener('focus', () => void recheck());
  globalThis.document.addEventListener('visibilitychange', () => {
    if (globalThis.document.visibilityState === 'visible') void recheck();
  });
}
