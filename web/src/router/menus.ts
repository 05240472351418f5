import type { Component } from 'vue';
import type { RouteComponent } from 'vue-router';
import { Bell, ChatDotRound, Document, DocumentChecked, House, Key, Lock, OfficeBuilding, Phone, School, Tickets, User, UserFilled } from '@element-plus/icons-vue';
import type { AccountKind } from '#common';

type LazyView = () => Promise<{ default: RouteComponent }>;

export interface MenuItem {
  /** Relative to the layout's base path, e.g. 'home' for /unit/home. */
  path: string;
  title: string;
  icon: Component;
  view: LazyView;
  /** Shown as "该功能将在后续版本开放" until its issue lands. */
  comingSoon?: boolean;
}

export interface MenuGroup {
  title: string;
  icon: Component;
  items: MenuItem[];
}

export interface ConsoleMenu {
  kind: AccountKind;
  base: string;
  groups: MenuGroup[];
}

const comingSoon: LazyView = () => import('../views/common/coming-soon/ComingSoonView.vue');
const changePassword: LazyView = () => import('../views/common/change-password/ChangePasswordView.vue');
const changePhone: LazyView = () => import('../views/common/change-phone/ChangePhoneView.vue');

const soon = (path: string, title: string, icon: Component): MenuItem => ({ path, title, icon, view: comingSoon, comingSoon: true });

/** The unit's left menu, exactly as the manual's screenshots show it. */
export const unitMenu: ConsoleMenu = {
  kind: 'unit',
  base: '/unit',
  groups: [
    {
      title: '基本信息',
      icon: OfficeBuilding,
      items: [
        { path: 'home', title: '首页', icon: House, view: () => import('../views/unit/home/UnitHomeView.vue') },
        soon('info', '单位信息', Document),
        soon('supervisor', '主管单位', School),
        { path: 'password', title: '修改密码', icon: Lock, view: changePassword },
        { path: 'phone', title: '修改手机号', icon: Phone, view: changePhone },
      ],
    },
    { title: '专业技术人员管理', icon: UserFilled, items: [soon('staff', '专业技术人员', User)] },
    { title: '申报审核', icon: DocumentChecked, items: [soon('review/evaluation', '单位审核 - 申报评审', DocumentChecked)] },
    {
      title: '审核记录',
      icon: Tickets,
      items: [soon('records/assessment', '考核定职 - 审核记录', Tickets), soon('records/unit', '单位审核记录', Tickets)],
    },
    {
      title: '消息管理',
      icon: ChatDotRound,
      items: [soon('messages/inbox', '我的消息', Bell), soon('messages/sent', '已发消息', ChatDotRound)],
    },
  ],
};

export const adminMenu: ConsoleMenu = {
  kind: 'admin',
  base: '/admin',
  groups: [
    { title: '平台管理', icon: OfficeBuilding, items: [{ path: 'units', title: '单位管理', icon: OfficeBuilding, view: () => import('../views/admin/units/UnitListView.vue') }] },
    { title: '基本信息', icon: Key, items: [{ path: 'password', title: '修改密码', icon: Lock, view: changePassword }] },
  ],
};

export const applicantMenu: ConsoleMenu = {
  kind: 'applicant',
  base: '/applicant',
  groups: [
    {
      title: '基本信息',
      icon: User,
      items: [
        { path: 'home', title: '首页', icon: House, view: () => import('../views/applicant/home/ApplicantHomeView.vue') },
        { path: 'password', title: '修改密码', icon: Lock, view: changePassword },
        { path: 'phone', title: '修改手机号', icon: Phone, view: changePhone },
      ],
    },
  ],
};

export const reviewerMenu: ConsoleMenu = {
  kind: 'reviewer',
  base: '/reviewer',
  groups: [
    {
      title: '基本信息',
      icon: User,
      items: [
        { path: 'home', title: '首页', icon: House, view: () => import('../views/reviewer/home/ReviewerHomeView.vue') },
        { path: 'password', title: '修改密码', icon: Lock, view: changePassword },
      ],
    },
  ],
};

export const consoleMenus: ConsoleMenu[] = [unitMenu, adminMenu, applicantMenu, reviewerMenu];

export function menuOf(kind: AccountKind): ConsoleMenu {
  return consoleMenus.find((m) => m.kind === kind) ?? unitMenu;
}
