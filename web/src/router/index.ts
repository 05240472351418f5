import { createRouter, createWebHashHistory, type RouteRecordRaw } from 'vue-router';
import type { AccountKind } from '#common';
import { homeOf, onlyPageOf, useSessionStore } from '../stores/session';
import { consoleMenus } from './menus';

declare module 'vue-router' {
  interface RouteMeta {
    /** The page title, also the last crumb. */
    title?: string;
    /** Crumbs after 首页, e.g. ['基本信息', '修改密码']. */
    crumbs?: string[];
    /** Only this kind of account may open the page. */
    kind?: AccountKind;
    /** Login and registration pages: a signed-in account goes to its home instead. */
    guestOnly?: boolean;
    comingSoon?: boolean;
  }
}

/** Pages reached from a menu page rather than the menu itself (e.g. one application's 申报评审表). */
const innerRoutes: Partial<Record<AccountKind, RouteRecordRaw[]>> = {
  applicant: [
    {
      path: 'applications/:id(\\d+)',
      component: () => import('../views/applicant/application/ApplicationView.vue'),
      meta: { kind: 'applicant', title: '申报评审表', crumbs: ['申报评审', '我的申报', '申报评审表'] },
    },
    {
      path: 'applications/:id(\\d+)/sheet',
      component: () => import('../views/review/ApplicationSheetView.vue'),
      meta: { kind: 'applicant', title: '查看申报表', crumbs: ['申报评审', '我的申报', '查看申报表'] },
    },
  ],
  unit: [
    {
      path: 'review/application/:id(\\d+)',
      component: () => import('../views/review/ApplicationSheetView.vue'),
      meta: { kind: 'unit', title: '查看申报表', crumbs: ['申报审核', '查看申报表'] },
    },
  ],
  reviewer: [
    {
      path: 'review/application/:id(\\d+)',
      component: () => import('../views/review/ApplicationSheetView.vue'),
      meta: { kind: 'reviewer', title: '查看申报表', crumbs: ['审核管理', '查看申报表'] },
    },
    {
      path: 'committee/meetings/:id(\\d+)',
      component: () => import('../views/committee/meetings/MeetingView.vue'),
      meta: { kind: 'reviewer', title: '评审会议', crumbs: ['评审工作', '评审会议', '会议详情'] },
    },
    {
      path: 'committee/notices/:id(\\d+)',
      component: () => import('../views/committee/notices/NoticeView.vue'),
      meta: { kind: 'reviewer', title: '评审结果公示', crumbs: ['评审工作', '评审结果公示', '公示详情'] },
    },
  ],
  expert: [
    {
      path: 'meetings/:id(\\d+)',
      component: () => import('../views/expert/ExpertMeetingView.vue'),
      meta: { kind: 'expert', title: '评审会议', crumbs: ['评审工作', '我的评审会议', '会议议程'] },
    },
    {
      path: 'meetings/:meetingId(\\d+)/application/:id(\\d+)',
      component: () => import('../views/expert/ExpertSheetView.vue'),
      meta: { kind: 'expert', title: '查看申报表', crumbs: ['评审工作', '我的评审会议', '查看申报表'] },
    },
  ],
};

const consoleRoutes: RouteRecordRaw[] = consoleMenus.map((menu) => ({
  path: menu.base,
  component: () => import('../layouts/ConsoleLayout.vue'),
  props: { menu },
  meta: { kind: menu.kind },
  redirect: homeOf[menu.kind],
  children: [
    ...(innerRoutes[menu.kind] ?? []),
    ...menu.groups.flatMap((group) =>
      group.items.map((item) => ({
        path: item.path,
        component: item.view,
        ...(item.props ? { props: item.props } : {}),
        meta: {
          kind: menu.kind,
          title: item.title,
          crumbs: item.path === 'home' ? [] : [group.title, item.title],
          comingSoon: item.comingSoon ?? false,
        },
      })),
    ),
  ],
}));

const routes: RouteRecordRaw[] = [
  { path: '/', redirect: '/login' },
  {
    path: '/login',
    component: () => import('../views/login/LoginView.vue'),
    meta: { title: '系统登录', guestOnly: true },
  },
  {
    path: '/admin/login',
    component: () => import('../views/admin/login/AdminLoginView.vue'),
    meta: { title: '平台管理员登录', guestOnly: true },
  },
  {
    path: '/unit/register',
    component: () => import('../views/unit/register/UnitRegisterView.vue'),
    meta: { title: '单位注册' },
  },
  {
    path: '/forgot-password',
    component: () => import('../views/unit/forgot-password/ForgotPasswordView.vue'),
    props: { kind: 'unit' },
    meta: { title: '单位找回密码' },
  },
  {
    path: '/applicant/register',
    component: () => import('../views/applicant/register/ApplicantRegisterView.vue'),
    meta: { title: '个人注册' },
  },
  {
    path: '/applicant/forgot-password',
    component: () => import('../views/unit/forgot-password/ForgotPasswordView.vue'),
    props: { kind: 'applicant' },
    meta: { title: '个人找回密码' },
  },
  {
    path: '/verify/:code?',
    component: () => import('../views/verify/VerifyView.vue'),
    meta: { title: '申报表核验' },
  },
  {
    path: '/notices',
    component: () => import('../views/notices/PublicNoticeListView.vue'),
    meta: { title: '评审结果公示' },
  },
  {
    path: '/notices/:id(\\d+)',
    component: () => import('../views/notices/PublicNoticeView.vue'),
    meta: { title: '评审结果公示' },
  },
  {
    path: '/certificate',
    component: () => import('../views/verify/CertificateVerifyView.vue'),
    meta: { title: '证书核验' },
  },
  {
    path: '/dev/sms-outbox',
    component: () => import('../views/dev/sms-outbox/SmsOutboxView.vue'),
    meta: { title: '短信发件箱（开发用）' },
  },
  ...consoleRoutes,
  { path: '/:pathMatch(.*)*', redirect: '/' },
];

export const router = createRouter({ history: createWebHashHistory(), routes });

router.beforeEach(async (to) => {
  const session = useSessionStore();
  try {
    // A login page while signed in: the session may have ended elsewhere since, so ask before going home.
    await (to.meta.guestOnly && session.account ? session.refresh() : session.ensureLoaded());
  } catch {
    // The server is unreachable: public pages still open and show the error when used.
  }
  const account = session.account;
  if (to.path === '/') return account ? homeOf[account.kind] : '/login';

  const kind = to.meta.kind;
  if (kind) {
    if (!account) {
      return kind === 'admin' ? { path: '/admin/login' } : { path: '/login', query: { kind, redirect: to.fullPath } };
    }
    if (account.kind !== kind) return homeOf[account.kind];
    // A temporary password must be changed, then a required 两步验证 turned on, before anything else.
    const only = onlyPageOf(account);
    if (only && to.path !== only) return only;
    return true;
  }
  if (to.meta.guestOnly && account) return onlyPageOf(account) ?? homeOf[account.kind];
  return true;
});

router.afterEach((to) => {
  const system = '云南省档案专业技术人员职称申报管理系统';
  document.title = to.meta.title ? `${to.meta.title} - ${system}` : system;
});
