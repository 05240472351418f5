import { createApp } from 'vue';
import { createPinia } from 'pinia';
import ElementPlus, { ElMessage } from 'element-plus';
import zhCn from 'element-plus/es/locale/lang/zh-cn';
import 'element-plus/dist/index.css';
import { z } from 'zod';
import App from './App.vue';
import { onAuthLost, onPasswordChangeRequired, onTwoFactorRequired, setCsrfLoader } from './api/http';
import { router } from './router';
import { watchSessionElsewhere } from './session-watch';
import { passwordPageOf, twoFactorPageOf, useSessionStore } from './stores/session';
import './styles/main.css';
import './styles/lists.css';

// The shared schemas speak Chinese wherever they do not carry their own message.
z.config(z.locales.zhCN());

const app = createApp(App);
const pinia = createPinia();
app.use(pinia);
app.use(ElementPlus, { locale: zhCn });

const session = useSessionStore(pinia);
setCsrfLoader(() => session.refresh());

// The server says the session is gone (UNAUTHENTICATED / SESSION_EXPIRED): back to the right login page.
onAuthLost((error) => {
  const current = router.currentRoute.value;
  const kind = current.meta.kind ?? session.account?.kind ?? session.lastKind;
  const wasSignedIn = session.account !== null;
  session.forget();
  // Several calls of one page may fail together: say it once.
  if (!wasSignedIn) return;
  ElMessage.error(error.code === 'SESSION_EXPIRED' ? '登录已超时，请重新登录' : error.message);
  if (current.meta.guestOnly) return;
  void router.push(
    kind === 'admin'
      ? { path: '/admin/login' }
      : { path: '/login', query: kind ? { kind, redirect: current.fullPath } : {} },
  );
});

// A temporary password must be changed before anything else.
onPasswordChangeRequired(() => {
  const account = session.account;
  if (!account) return;
  session.account = { ...account, mustChangePassword: true };
  void router.push(passwordPageOf[account.kind]);
});

// TWO_FACTOR_REQUIRED names this kind of account: 两步验证 first.
onTwoFactorRequired(() => {
  const account = session.account;
  const page = account && twoFactorPageOf[account.kind];
  if (!account || !page) return;
  session.account = { ...account, mustEnrolTwoFactor: true };
  void router.push(page);
});

watchSessionElsewhere(router, session);

app.use(router);
app.mount('#app');
