import {
  committeeWorkContract,
  confirmationContract,
  expertContract,
  publicNoticeContract,
  type BallotChoice,
  type ExpertBody,
  type ExpertCreate,
  type ExpertStatus,
  type MeetingBody,
  type objectionBodySchema,
} from '#common';
import type { z } from 'zod';
import { clientOf } from './client';

export type {
  AgendaItem,
  Expert,
  ExpertMeeting,
  ExpertSupervisorOption,
  ExpertUnitOption,
  MeetingDetail,
  MeetingRow,
  NoticeDetail,
  Objection,
  PublicNotice,
  PublicNoticeRow,
} from '#common';

const office = clientOf(committeeWorkContract);
const expert = clientOf(expertContract);
const confirmation = clientOf(confirmationContract);
const publicNotice = clientOf(publicNoticeContract);
const byId = (id: string) => ({ params: { id } });

/** 评委会办公室: 专家库, 评审会议 and 评审结果公示. */
export const committeeApi = {
  experts: (query: { page: number; pageSize: number; keyword?: string; status?: ExpertStatus }) =>
    office.experts({ query }),
  createExpert: (body: ExpertCreate) => office.createExpert({ body }),
  updateExpert: (expertId: string, body: ExpertBody) => office.updateExpert({ ...byId(expertId), body }),
  setExpertStatus: (expertId: string, status: ExpertStatus) =>
    office.expertStatus({ ...byId(expertId), body: { status } }),
  resetExpertPassword: (expertId: string) => office.resetExpertPassword(byId(expertId)),
  unitSearch: (keyword: string) => office.unitSearch({ query: { keyword } }),
  supervisors: () => office.supervisors(),

  meetings: () => office.meetings(),
  createMeeting: (body: MeetingBody) => office.createMeeting({ body }),
  meeting: (meetingId: string) => office.meeting(byId(meetingId)),
  meetingCandidates: () => office.meetingCandidates(),
  addAgenda: (meetingId: string, applicationIds: string[]) =>
    office.addAgenda({ ...byId(meetingId), body: { applicationIds } }),
  removeAgenda: (meetingId: string, applicationId: string) =>
    office.removeAgenda({ params: { id: meetingId, applicationId } }),
  draw: (meetingId: string) => office.draw(byId(meetingId)),
  attendance: (meetingId: string, presentExpertIds: string[]) =>
    office.attendance({ ...byId(meetingId), body: { presentExpertIds } }),
  openVote: (meetingId: string) => office.openVote(byId(meetingId)),
  closeVote: (meetingId: string) => office.closeVote(byId(meetingId)),

  noticeCandidates: () => office.noticeCandidates(),
  notices: () => office.notices(),
  publishNotice: (title: string, applicationIds: string[]) => office.publishNotice({ body: { title, applicationIds } }),
  notice: (noticeId: string) => office.notice(byId(noticeId)),
  answerObjection: (objectionId: string, answer: string, upheld: boolean) =>
    office.answerObjection({ ...byId(objectionId), body: { answer, upheld } }),
  closeNotice: (noticeId: string) => office.closeNotice(byId(noticeId)),
};

/** 评审专家: my meetings and the secret ballot. */
export const expertApi = {
  meetings: () => expert.meetings(),
  meeting: (meetingId: string) => expert.meeting(byId(meetingId)),
  ballot: (meetingId: string, applicationId: string, choice: BallotChoice) =>
    expert.ballot({ ...byId(meetingId), body: { applicationId, choice } }),
};

/** 评审结果确认: the confirming HR department. */
export const confirmationApi = {
  list: () => confirmation.list(),
  confirm: (applicationIds: string[], documentNumber: string, qualifiedOn: string) =>
    confirmation.confirm({ body: { applicationIds, documentNumber, qualifiedOn } }),
};

/** The public 评审结果公示 (no login) and its objections. */
export const publicNoticeApi = {
  list: () => publicNotice.list({}, { quietAuth: true }),
  notice: (noticeId: string) => publicNotice.notice(byId(noticeId), { quietAuth: true }),
  object: (noticeId: string, body: z.input<typeof objectionBodySchema>) =>
    publicNotice.objection({ ...byId(noticeId), body }, { quietAuth: true }),
};
