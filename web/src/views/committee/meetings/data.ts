import type { FormRules } from 'element-plus';
import {
  meetingBodySchema,
  meetingStatusLabels,
  titleLevelLabels,
  type MeetingBody,
  type MeetingStatus,
  type TitleLevel,
} from '#common';
import type { MeetingRow } from '../../../api/committee-work';
import type { ListColumn } from '../../../components/list/columns';
import { schemaRules } from '../../../utils/form';

/** 评审会议: the list's columns and the 新建会议 form. */
export const meetingStatusType: Record<MeetingStatus, 'info' | 'primary' | 'warning' | 'success'> = {
  planned: 'info',
  drawn: 'primary',
  voting: 'warning',
  closed: 'success',
};

export const meetingColumns: ListColumn<MeetingRow>[] = [
  { key: 'title', label: '会议名称', minWidth: 200, tooltip: true, card: 'title' },
  { key: 'meetingDate', label: '会议日期', width: 110 },
  { key: 'place', label: '会议地点', minWidth: 140, tooltip: true },
  { key: 'titleLevel', label: '评审等级', width: 90, text: (m) => titleLevelLabels[m.titleLevel] },
  { key: 'agendaCount', label: '议程', width: 70, align: 'center', text: (m) => `${m.agendaCount}人` },
  { key: 'size', label: '应到', width: 70, align: 'center', text: (m) => `${m.memberCount || m.size}人` },
  {
    key: 'presentCount',
    label: '实到',
    width: 70,
    align: 'center',
    text: (m) => (m.presentCount === null ? '—' : `${m.presentCount}人`),
  },
  { key: 'status', label: '状态', width: 110, align: 'center', text: (m) => meetingStatusLabels[m.status] },
];

export interface MeetingForm {
  title: string;
  meetingDate: string;
  place: string;
  titleLevel: TitleLevel | '';
  specialties: string[];
  size: number;
}

export const blankMeeting = (): MeetingForm => ({
  title: '',
  meetingDate: '',
  place: '',
  titleLevel: '',
  specialties: [],
  size: 7,
});

export function meetingBodyOf(form: MeetingForm): MeetingBody | null {
  const parsed = meetingBodySchema.safeParse({ ...form, titleLevel: form.titleLevel || undefined });
  return parsed.success ? parsed.data : null;
}

export const meetingRulesOf = (form: MeetingForm): FormRules =>
  schemaRules(meetingBodySchema, form, {
    title: { required: '请输入会议名称' },
    meetingDate: { required: '请选择会议日期', trigger: 'change' },
    place: { required: '请输入会议地点' },
    titleLevel: { required: '请选择评审等级', trigger: 'change' },
    specialties: { trigger: 'change' },
    size: { trigger: 'change' },
  });
