import type { ColumnType, Generated } from 'kysely';
import type {
  ApplicationKind,
  ApplicationStatus,
  FormData,
  RouteStep,
  WorkflowAction,
  OrgKind,
  ReviewStage,
  TitleLevel,
} from '#common';
import type { Timestamp, Id } from './columns';

/** Applicants, their applications, attachments and the review log. */

export interface ApplicantTable {
  account_id: number;
  name: string;
  /** Sealed (upper case before sealing); repositories hand it on opened. */
  id_number: string;
  /** The ID number's keyed digest: lookups and the one-person-per-ID-number index. */
  id_number_hash: string | null;
  gender: 'male' | 'female';
  /** 'YYYY-MM-DD': dates without time are read as text on both engines. */
  birth_date: string;
  unit_id: number | null;
  unit_joined_at: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}
export interface ApplicationTable {
  id: Id;
  applicant_account_id: number;
  kind: ApplicationKind;
  year: number;
  unit_id: number | null;
  batch_id: number | null;
  committee_id: number | null;
  series_code: string;
  title_id: number;
  title_level: TitleLevel;
  specialty_studied_id: number | null;
  specialty_practised_id: number | null;
  status: ApplicationStatus;
  stage_index: number | null;
  route: ColumnType<RouteStep[] | null, string | null, string | null>;
  returned_from_index: number | null;
  return_count: Generated<number>;
  form: ColumnType<FormData, string, string>;
  cover: ColumnType<Record<string, string> | null, string | null, string | null>;
  unit_opinion: string | null;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
  /** The latest 提交 (a resubmission after 返回修改 or 重置流程 too); each one is in the review log. */
  submitted_at: Timestamp | null;
  /** Who holds it now (derived from route and stage, kept for the desks' index). */
  holder_kind: 'unit' | OrgKind | null;
  holder_org_id: number | null;
  /** The stage it waits at (`route[stage_index].stage`), kept by the database. */
  stage: ColumnType<ReviewStage | null, never, never>;
}
export interface AttachmentTable {
  id: Id;
  application_id: number;
  category: string;
  stored_file_id: number;
  created_at: Timestamp;
}
export interface ReviewLogTable {
  id: Id;
  application_id: number;
  seq: number;
  stage: ReviewStage | null;
  action: WorkflowAction;
  actor_account_id: number;
  actor_name: string;
  org_name: string;
  opinion: Generated<string>;
  state_after: ColumnType<Record<string, unknown>, string, never>;
  at: Timestamp;
  org_kind: 'applicant' | 'unit' | OrgKind | null;
  org_id: number | null;
}

/** A printed 申报评审表: its verification code and the digest of what it was printed from. */
export interface PrintRecordTable {
  id: Id;
  code: string;
  application_id: number;
  digest: string;
  form_version: number;
  first_printed_at: Timestamp;
}

/** How many applications wait at a desk and stage: kept by a trigger on application (migration 020). */
export interface DeskCountTable {
  holder_kind: 'unit' | OrgKind;
  holder_org_id: number;
  stage: ReviewStage;
  waiting: number;
}

/** 审核记录 of a desk: an application it decided on, with its latest submission (migration 021). */
export interface DeskRecordTable {
  org_kind: 'unit' | OrgKind;
  org_id: number;
  application_id: number;
  submitted_at: Timestamp;
}
