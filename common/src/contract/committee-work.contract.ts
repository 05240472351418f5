import {
  agendaBodySchema,
  attendanceBodySchema,
  ballotBodySchema,
  ballotCastSchema,
  confirmationBodySchema,
  confirmationDoneSchema,
  confirmationListSchema,
  expertBodySchema,
  expertCreatedSchema,
  expertCreateSchema,
  expertMeetingListSchema,
  expertMeetingSchema,
  expertPageSchema,
  expertQuerySchema,
  expertStatusBodySchema,
  meetingBodySchema,
  meetingCandidatesSchema,
  meetingDetailSchema,
  meetingListSchema,
  noticeBodySchema,
  noticeCandidatesSchema,
  noticeDetailSchema,
  objectionAnswerSchema,
  objectionBodySchema,
  objectionFiledSchema,
  publicNoticeListSchema,
  publicNoticeSchema,
  testClockBodySchema,
  testClockSchema,
} from '../schemas/committee-work.schema';
import { temporaryPasswordSchema } from '../schemas/applicant.schema';
import { createdSchema, okSchema, recordIdSchema } from '../schemas/fields.schema';
import { z } from 'zod';
import { endpoint } from './endpoint';

const idParams = z.object({ id: recordIdSchema('记录不存在') });
const agendaParams = z.object({ id: recordIdSchema('会议不存在'), applicationId: recordIdSchema('申报不存在') });
const office = ['committee-work'];

/** 评委会办公室: 专家库, 评审会议 (抽取专家, 签到, 投票), 评审结果公示 and its objections. */
export const committeeWorkContract = {
  experts: endpoint({
    method: 'GET',
    path: '/committee/experts',
    tags: office,
    summary: '专家库：本评委会的评审专家',
    query: expertQuerySchema,
    response: expertPageSchema,
  }),
  createExpert: endpoint({
    method: 'POST',
    status: 201,
    path: '/committee/experts',
    tags: office,
    summary: '新增专家：同时开通专家账号，返回一次性初始密码',
    body: expertCreateSchema,
    response: expertCreatedSchema,
  }),
  updateExpert: endpoint({
    method: 'PUT',
    path: '/committee/experts/:id',
    tags: office,
    summary: '修改专家信息（单位、专业、聘期、回避单位）',
    params: idParams,
    body: expertBodySchema,
    response: okSchema,
  }),
  expertStatus: endpoint({
    method: 'POST',
    path: '/committee/experts/:id/status',
    tags: office,
    summary: '专家在库或暂停：暂停的专家不再被抽取，也不能登录',
    params: idParams,
    body: expertStatusBodySchema,
    response: okSchema,
  }),
  resetExpertPassword: endpoint({
    method: 'POST',
    path: '/committee/experts/:id/reset-password',
    tags: office,
    summary: '重置专家密码：返回一次性初始密码，首次登录须修改',
    params: idParams,
    response: temporaryPasswordSchema,
  }),
  meetings: endpoint({
    method: 'GET',
    path: '/committee/meetings',
    tags: office,
    summary: '评审会议列表',
    response: meetingListSchema,
  }),
  createMeeting: endpoint({
    method: 'POST',
    status: 201,
    path: '/committee/meetings',
    tags: office,
    summary: '新建评审会议',
    body: meetingBodySchema,
    response: createdSchema,
  }),
  meeting: endpoint({
    method: 'GET',
    path: '/committee/meetings/:id',
    tags: office,
    summary: '评审会议：议程、抽取的专家、签到和表决结果（只有票数，没有谁投了什么）',
    params: idParams,
    response: meetingDetailSchema,
  }),
  meetingCandidates: endpoint({
    method: 'GET',
    path: '/committee/meeting-candidates',
    tags: office,
    summary: '待上会的申报：在评审会议环节、尚未列入会议议程',
    response: meetingCandidatesSchema,
  }),
  addAgenda: endpoint({
    method: 'POST',
    path: '/committee/meetings/:id/agenda',
    tags: office,
    summary: '列入议程（抽取专家之前）',
    params: idParams,
    body: agendaBodySchema,
    response: okSchema,
  }),
  removeAgenda: endpoint({
    method: 'DELETE',
    path: '/committee/meetings/:id/agenda/:applicationId',
    tags: office,
    summary: '移出议程（抽取专家之前）',
    params: agendaParams,
    response: okSchema,
  }),
  draw: endpoint({
    method: 'POST',
    path: '/committee/meetings/:id/draw',
    tags: office,
    summary: '随机抽取专家：按专业从专家库抽取，自动回避申报人单位及其主管部门的专家；记录随机种子，可复现',
    params: idParams,
    response: meetingDetailSchema,
  }),
  attendance: endpoint({
    method: 'POST',
    path: '/committee/meetings/:id/attendance',
    tags: office,
    summary: '签到：记录实到专家（开始投票之前可修改）',
    params: idParams,
    body: attendanceBodySchema,
    response: meetingDetailSchema,
  }),
  openVote: endpoint({
    method: 'POST',
    path: '/committee/meetings/:id/open',
    tags: office,
    summary: '开始投票：实到人数达到法定人数后才能开始',
    params: idParams,
    response: meetingDetailSchema,
  }),
  closeVote: endpoint({
    method: 'POST',
    path: '/committee/meetings/:id/close',
    tags: office,
    summary: '结束投票：计票，通过的进入公示，未通过的评审结束；未投票的按弃权计',
    params: idParams,
    response: meetingDetailSchema,
  }),
  noticeCandidates: endpoint({
    method: 'GET',
    path: '/committee/notice-candidates',
    tags: office,
    summary: '待公示的申报：评审会议已通过、尚未公示',
    response: noticeCandidatesSchema,
  }),
  notices: endpoint({
    method: 'GET',
    path: '/committee/notices',
    tags: office,
    summary: '评审结果公示列表',
    response: publicNoticeListSchema,
  }),
  publishNotice: endpoint({
    method: 'POST',
    status: 201,
    path: '/committee/notices',
    tags: office,
    summary: '发布公示：从今天起，按评委会设置的工作日数（法定节假日不计）',
    body: noticeBodySchema,
    response: createdSchema,
  }),
  notice: endpoint({
    method: 'GET',
    path: '/committee/notices/:id',
    tags: office,
    summary: '公示详情：名单、收到的异议及答复',
    params: idParams,
    response: noticeDetailSchema,
  }),
  answerObjection: endpoint({
    method: 'POST',
    path: '/committee/objections/:id/answer',
    tags: office,
    summary: '答复异议：异议成立的，该申报撤出公示、回到评审会议重新表决',
    params: idParams,
    body: objectionAnswerSchema,
    response: okSchema,
  }),
  closeNotice: endpoint({
    method: 'POST',
    path: '/committee/notices/:id/close',
    tags: office,
    summary: '结束公示：公示期满且异议均已答复后，名单锁定，报人社部门确认',
    params: idParams,
    response: okSchema,
  }),
};

/** 评审专家: the meetings an expert is drawn for, and the secret ballot. */
export const expertContract = {
  meetings: endpoint({
    method: 'GET',
    path: '/expert/meetings',
    tags: ['expert'],
    summary: '我的评审会议',
    response: expertMeetingListSchema,
  }),
  meeting: endpoint({
    method: 'GET',
    path: '/expert/meetings/:id',
    tags: ['expert'],
    summary: '会议议程：签到后、投票期间可见',
    params: idParams,
    response: expertMeetingSchema,
  }),
  ballot: endpoint({
    method: 'POST',
    path: '/expert/meetings/:id/ballots',
    tags: ['expert'],
    summary: '无记名投票：同意、不同意或弃权；投出后不能更改，任何人都看不到谁投了什么',
    params: idParams,
    body: ballotBodySchema,
    response: ballotCastSchema,
  }),
};

/** 人社部门确认: the confirming bureau records 文号 and 取得资格时间; certificates follow. */
export const confirmationContract = {
  list: endpoint({
    method: 'GET',
    path: '/confirmations',
    tags: ['confirmation'],
    summary: '评审结果确认：公示期满、待本部门确认的申报',
    response: confirmationListSchema,
  }),
  confirm: endpoint({
    method: 'POST',
    path: '/confirmations',
    tags: ['confirmation'],
    summary: '确认评审结果：填写文号和取得资格时间，发放电子证书',
    body: confirmationBodySchema,
    response: confirmationDoneSchema,
  }),
};

/** The public 评审结果公示 and its objections: no login. */
export const publicNoticeContract = {
  list: endpoint({
    method: 'GET',
    path: '/public/notices',
    tags: ['public'],
    summary: '评审结果公示（无需登录）',
    response: publicNoticeListSchema,
  }),
  notice: endpoint({
    method: 'GET',
    path: '/public/notices/:id',
    tags: ['public'],
    summary: '公示名单：姓名、单位、评审通过的职称（不含身份证号、手机号）',
    params: idParams,
    response: publicNoticeSchema,
  }),
  objection: endpoint({
    method: 'POST',
    status: 201,
    path: '/public/notices/:id/objections',
    tags: ['public'],
    summary: '提出异议：公示期内，留下联系人和手机号，评委会办公室答复',
    params: idParams,
    body: objectionBodySchema,
    response: objectionFiledSchema,
  }),
};

/** Only with TEST_CLOCK_CONTROL=true outside production: the browser journeys move time. */
export const testClockContract = {
  advance: endpoint({
    method: 'POST',
    path: '/test/clock',
    tags: ['test'],
    summary: '测试时钟：向后拨动（仅测试环境）',
    body: testClockBodySchema,
    response: testClockSchema,
  }),
};
