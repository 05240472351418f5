import {
  Calendar,
  DocumentChecked,
  House,
  Iphone,
  Lock,
  Memo,
  Notebook,
  School,
  Tickets,
  Finished,
  User,
  UserFilled,
} from '@element-plus/icons-vue';
import { changePassword, twoFactor, reviewDesk, reviewRecords, messagesGroup, type ConsoleMenu } from './menu-kit';

/** The reviewers' console (主管部门, 人社局, 评委会办公室) and the experts'. */
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
