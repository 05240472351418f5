import { createApp } from 'vue';
import { createPinia } from 'pinia';
import ElementPlus, { ElMessage } from 'element-plus';
import zhCn from 'element-plus/es/locale/lang/zh-cn';
import 'element-plus/dist/index.css';
import { z } from 'zod';
import App from './App.vue';
import { onAuthLost, onPasswordChangeRequired, setCsrfLoader } from './api/http';
import { router } from './router';
import { passwordPageOf, useSessionStore } from './stores/session';
import './styles/main.css';

// The shared schemas speak Chinese wherever they do not carry their own message.
z.config(z.locales.zhCN());

const app = createApp(App);
const pinia = createPinia();
app.use(pinia);
app.use(ElementPlus, { locale: zhCn });

const session = useSessionStore(pinia);
setCsrfLoader(() => session.refresh());

onAuthLost((error) => {
  const kind = session.account?.kind ?? session.lastKind;
  session.forget();
  ElMessage.error(error.code === 'SESSION_EXPIRED' ? '登录已超时，请重新登录' : error.message);
  const current = router.currentRoute.value;
  if (current.meta.guestOnly) return;
  void router.push(kind === 'admin' ? { path: '/admin/login' } : { path: '/login', query: kind ? { kind } : {} });
});

onPasswordChangeRequired(() => {
  const kind = session.account?.kind;
  if (!kind) return;
  session.account = session.account ? { ...session.account, mustChangePassword: true } : null;
  void router.push(passwordPageOf[kind]);
});

app.use(router);
app.mount('#app');
