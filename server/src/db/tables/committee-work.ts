import type { ColumnType } from 'kysely';
import type { BallotChoice, ExpertStatus, MeetingStatus, NoticeStatus, TitleLevel, VoteRule } from '#common';
import type { Timestamp, Id } from './columns';

/** The committee's own work: its experts, meetings and their secret ballot, 公示 and 人社部门确认. */

type Json<T> = ColumnType<T, string, string>;

export interface ExpertTable {
  account_id: number;
  committee_id: number;
  name: string;
  unit_name: string;
  unit_id: number | null;
  supervisor_id: number | null;
  title_name: string;
  specialties: Json<string[]>;
  /** Dates as YYYY-MM-DD. */
  term_starts_on: string;
  term_ends_on: string;
  status: ExpertStatus;
  created_at: Timestamp;
  updated_at: Timestamp;
}
export interface ExpertConflictTable {
  expert_account_id: number;
  unit_id: number;
}
export interface MeetingTable {
  id: Id;
  committee_id: number;
  title: string;
  meeting_date: string;
  place: string;
  title_level: TitleLevel;
  specialties: Json<string[]>;
  size: number;
  status: MeetingStatus;
  draw_seed: string | null;
  draw_eligible: Json<number[]> | null;
  draw_recused: Json<{ expertId: number; reason: string }[]> | null;
  drawn_at: Timestamp | null;
  rule: Json<VoteRule> | null;
  opened_at: Timestamp | null;
  closed_at: Timestamp | null;
  created_at: Timestamp;
}
export interface MeetingMemberTable {
  meeting_id: number;
  expert_account_id: number;
  draw_order: number;
  present: boolean | null;
}
export interface MeetingAgendaTable {
  id: Id;
  meeting_id: number;
  application_id: number;
  expected: number | null;
  present: number | null;
  agree: number | null;
  disagree: number | null;
  abstain: number | null;
  outcome: 'passed' | 'failed' | null;
  decided_at: Timestamp | null;
}
export interface BallotCastTable {
  agenda_id: number;
  expert_account_id: number;
}
export interface BallotTable {
  id: string;
  agenda_id: number;
  choice: BallotChoice;
}
export interface PublicNoticeTable {
  id: Id;
  committee_id: number;
  title: string;
  starts_on: string;
  ends_on: string;
  working_days: number;
  status: NoticeStatus;
  published_at: Timestamp;
  closed_at: Timestamp | null;
}
export interface NoticeEntryTable {
  id: Id;
  notice_id: number;
  application_id: number;
  applicant_name: string;
  unit_name: string;
  title_name: string;
  withdrawn_at: Timestamp | null;
}
export interface ObjectionTable {
  id: Id;
  entry_id: number;
  content: string;
  contact_name: string;
  contact_phone: string;
  ip: string | null;
  filed_at: Timestamp;
  answer: string | null;
  upheld: boolean | null;
  answered_at: Timestamp | null;
  answered_by_account_id: number | null;
}
export interface ResultConfirmationTable {
  application_id: number;
  hr_bureau_id: number;
  document_number: string;
  qualified_on: string;
  confirmed_at: Timestamp;
  confirmed_by_account_id: number;
}
