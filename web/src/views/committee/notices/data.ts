import { noticeStatusLabels, type NoticeStatus } from '#common';
import type { PublicNoticeRow } from '../../../api/committee-work';
import type { ListColumn } from '../../../components/list/columns';

/** 评审结果公示: one list's columns for the office and the public page alike. */
export const noticeStatusType: Record<NoticeStatus, 'warning' | 'success'> = { open: 'warning', closed: 'success' };

export const noticeColumns: ListColumn<PublicNoticeRow>[] = [
  { key: 'title', label: '公示标题', minWidth: 240, tooltip: true, card: 'title' },
  { key: 'committeeName', label: '评委会', minWidth: 200, tooltip: true },
  { key: 'period', label: '公示期', width: 210, text: (n) => `${n.startsOn} 至 ${n.endsOn}` },
  { key: 'workingDays', label: '工作日', width: 80, align: 'center', text: (n) => `${n.workingDays}天` },
  { key: 'status', label: '状态', width: 90, align: 'center', text: (n) => noticeStatusLabels[n.status] },
];
