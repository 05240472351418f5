import type { Component } from 'vue';
import type { RouteComponent } from 'vue-router';
import { Bell, ChatDotRound } from '@element-plus/icons-vue';
import type { AccountKind, OrgKind } from '#common';

/** What every console menu is made of, and the items several consoles share. */
export type LazyView = () => Promise<{ default: RouteComponent }>;

export interface MenuItem {
  /** Relative to the layout's base path, e.g. 'home' for /unit/home. */
  path: string;
  title: string;
  icon: Component;
  view: LazyView;
  /** Shown as "该功能将在后续版本开放" until its issue lands. */
  comingSoon?: boolean;
  /** Carries the unread-message count as a badge. */
  badge?: 'unread';
  /** A reviewer's item shown only to reviewers of these organisations (e.g. 主管单位审核). */
  orgKinds?: OrgKind[];
  /** Passed to the view (one view serving several items, e.g. the desks of 申报评审 and 考核定职). */
  props?: Record<string, unknown>;
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

export const changePassword: LazyView = () => import('../views/common/change-password/ChangePasswordView.vue');
export const changePhone: LazyView = () => import('../views/common/change-phone/ChangePhoneView.vue');
export const twoFactor: LazyView = () => import('../views/common/two-factor/TwoFactorView.vue');

/** 申报审核 and 审核记录 (manual §4, §5): one desk view and one record view for units and reviewers. */
export const reviewDesk: LazyView = () => import('../views/review/ReviewDeskView.vue');
export const reviewRecords: LazyView = () => import('../views/review/ReviewRecordsView.vue');

/** 消息管理 (manual §6), the same for every kind of account. */
export const messagesGroup: MenuGroup = {
  title: '消息管理',
  icon: ChatDotRound,
  items: [
    {
      path: 'messages/inbox',
      title: '我的消息',
      icon: Bell,
      view: () => import('../views/common/messages/InboxView.vue'),
      badge: 'unread',
    },
    {
      path: 'messages/sent',
      title: '已发消息',
      icon: ChatDotRound,
      view: () => import('../views/common/messages/SentView.vue'),
    },
  ],
};
