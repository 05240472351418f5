import {
  Avatar,
  Collection,
  Document,
  DocumentChecked,
  House,
  Iphone,
  Key,
  Lock,
  OfficeBuilding,
  Phone,
  Promotion,
  School,
  Stamp,
  Tickets,
  Trophy,
  User,
  UserFilled,
} from '@element-plus/icons-vue';
import type { AccountKind } from '#common';
import {
  changePassword,
  changePhone,
  twoFactor,
  reviewDesk,
  reviewRecords,
  messagesGroup,
  type ConsoleMenu,
} from './menu-kit';
import { expertMenu, reviewerMenu } from './reviewer-menus';

export type { ConsoleMenu, MenuGroup, MenuItem } from './menu-kit';

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

export const consoleMenus: ConsoleMenu[] = [unitMenu, adminMenu, applicantMenu, reviewerMenu, expertMenu];

export function menuOf(kind: AccountKind): ConsoleMenu {
  return consoleMenus.find((m) => m.kind === kind) ?? unitMenu;
}
