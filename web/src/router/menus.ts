import type { Component } from 'vue';
import type { RouteComponent } from 'vue-router';
import {
  Avatar,
  Bell,
  Calendar,
  ChatDotRound,
  Collection,
  Document,
  DocumentChecked,
  House,
  Iphone,
  Key,
  Lock,
  Memo,
  Notebook,
  OfficeBuilding,
  Phone,
  Promotion,
  School,
  Stamp,
  Tickets,
  Trophy,
  Finished,
  User,
  UserFilled,
} from '@element-plus/icons-vue';
import type { AccountKind, OrgKind } from '#common';

type LazyView = () => Promise<{ default: RouteComponent }>;

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

const changePassword: LazyView = () => import('../views/common/change-password/ChangePasswordView.vue');
const changePhone: LazyView = () => import('../views/common/change-phone/ChangePhoneView.vue');
const twoFactor: LazyView = () => import('../views/common/two-factor/TwoFactorView.vue');

/** 申报审核 and 审核记录 (manual §4, §5): one desk view and one record view for units and reviewers. */
const reviewDesk: LazyView = () => import('../views/review/ReviewDeskView.vue');
const reviewRecords: LazyView = () => import('../views/review/ReviewRecordsView.vue');

/** 消息管理 (manual §6), the same for every kind of account. */
const messagesGroup: MenuGroup = {
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
        { path: 'info', title: '单位信息', icon: Document, view: () => import('../views/unit/info/UnitInfoView.vue') },
        {
          path: 'supervisor',
          title: '主管单位',
          icon: School,
          view: () => import('../views/unit/supervisor/UnitSupervisorView.vue'),
        },
        { path: 'password', title: '修改密码', icon: Lock, view: changePassword },
        { path: 'phone', title: '修改手机号', icon: Phone, view: changePhone },
      ],
    },
    {
      title: '专业技术人员管理',
      icon: UserFilled,
      items: [
        { path: 'staff', title: '专业技术人员', icon: User, view: () => import('../views/unit/staff/StaffView.vue') },
      ],
    },
    {
      title: '申报审核',
      icon: DocumentChecked,
      items: [
        {
          path: 'review/evaluation',
          title: '单位审核 - 申报评审',
          icon: DocumentChecked,
          view: reviewDesk,
          props: { kind: 'evaluation' },
        },
        {
          path: 'review/assessment',
          title: '单位审核 - 考核定职',
          icon: DocumentChecked,
          view: reviewDesk,
          props: { kind: 'assessment' },
        },
      ],
    },
    {
      title: '审核记录',
      icon: Tickets,
      items: [
        {
          path: 'records/assessment',
          title: '考核定职 - 审核记录',
          icon: Tickets,
          view: reviewRecords,
          props: { kind: 'assessment' },
        },
        {
          path: 'records/unit',
          title: '单位审核记录',
          icon: Tickets,
          view: reviewRecords,
          props: { kind: 'evaluation' },
        },
      ],
    },
    messagesGroup,
  ],
};

export const adminMenu: ConsoleMenu = {
  kind: 'admin',
  base: '/admin',
  groups: [
    {
      title: '平台管理',
      icon: OfficeBuilding,
      items: [
        {
          path: 'units',
          title: '单位管理',
          icon: OfficeBuilding,
          view: () => import('../views/admin/units/UnitListView.vue'),
        },
        {
          path: 'supervisors',
          title: '主管部门',
          icon: School,
          view: () => import('../views/admin/supervisors/SupervisorListView.vue'),
        },
        {
          path: 'hr-bureaus',
          title: '人社局',
          icon: Stamp,
          view: () => import('../views/admin/hr-bureaus/HrBureauListView.vue'),
        },
        {
          path: 'committees',
          title: '评委会',
          icon: Trophy,
          view: () => import('../views/admin/committees/CommitteeListView.vue'),
        },
        {
          path: 'reviewers',
          title: '审核用户',
          icon: Avatar,
          view: () => import('../views/admin/reviewers/ReviewerListView.vue'),
        },
        {
          path: 'specialties',
          title: '专业字典',
          icon: Collection,
          view: () => import('../views/admin/specialties/SpecialtyView.vue'),
        },
      ],
    },
    messagesGroup,
    {
      title: '基本信息',
      icon: Key,
      items: [
        { path: 'password', title: '修改密码', icon: Lock, view: changePassword },
        { path: 'two-factor', title: '两步验证', icon: Iphone, view: twoFactor },
      ],
    },
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
        {
          path: 'profile',
          title: '个人信息',
          icon: User,
          view: () => import('../views/applicant/profile/ApplicantProfileView.vue'),
        },
        { path: 'password', title: '修改密码', icon: Lock, view: changePassword },
        { path: 'phone', title: '修改手机号', icon: Phone, view: changePhone },
      ],
    },
    {
      title: '申报评审',
      icon: Promotion,
      items: [
        {
          path: 'applications',
          title: '我的申报',
          icon: Promotion,
          view: () => import('../views/applicant/application/ApplicationListView.vue'),
        },
      ],
    },
    messagesGroup,
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
        { path: 'two-factor', title: '两步验证', icon: Iphone, view: twoFactor },
      ],
    },
    {
      title: '审核管理',
      icon: DocumentChecked,
      items: [
        {
          path: 'unit-requests',
          title: '主管单位审核',
          icon: School,
          view: () => import('../views/reviewer/unit-requests/UnitRequestsView.vue'),
          orgKinds: ['supervisor'],
        },
        { path: 'review/desk', title: '申报审核', icon: DocumentChecked, view: reviewDesk },
        { path: 'review/records', title: '审核记录', icon: Tickets, view: reviewRecords },
        {
          path: 'confirmations',
          title: '评审结果确认',
          icon: Finished,
          view: () => import('../views/confirmation/ConfirmationView.vue'),
          orgKinds: ['hrBureau'],
        },
      ],
    },
    {
      title: '评审工作',
      icon: Notebook,
      items: [
        {
          path: 'committee/experts',
          title: '专家库',
          icon: UserFilled,
          view: () => import('../views/committee/experts/ExpertListView.vue'),
          orgKinds: ['committee'],
        },
        {
          path: 'committee/meetings',
          title: '评审会议',
          icon: Calendar,
          view: () => import('../views/committee/meetings/MeetingListView.vue'),
          orgKinds: ['committee'],
        },
        {
          path: 'committee/notices',
          title: '评审结果公示',
          icon: Memo,
          view: () => import('../views/committee/notices/NoticeListView.vue'),
          orgKinds: ['committee'],
        },
      ],
    },
    messagesGroup,
  ],
};

/** 评审专家: the meetings it is drawn for and its secret ballot; its account comes from the committee office. */
export const expertMenu: ConsoleMenu = {
  kind: 'expert',
  base: '/expert',
  groups: [
    {
      title: '评审工作',
      icon: Notebook,
      items: [
        {
          path: 'meetings',
          title: '我的评审会议',
          icon: Calendar,
          view: () => import('../views/expert/ExpertMeetingListView.vue'),
        },
      ],
    },
    {
      title: '基本信息',
      icon: User,
      items: [
        { path: 'password', title: '修改密码', icon: Lock, view: changePassword },
        { path: 'two-factor', title: '两步验证', icon: Iphone, view: twoFactor },
      ],
    },
    messagesGroup,
  ],
};

export const consoleMenus: ConsoleMenu[] = [unitMenu, adminMenu, applicantMenu, reviewerMenu, expertMenu];

export function menuOf(kind: AccountKind): ConsoleMenu {
  return consoleMenus.find((m) => m.kind === kind) ?? unitMenu;
}
