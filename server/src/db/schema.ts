import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { ApplicationKind, ApplicationStatus, FormData, RouteStep, WorkflowAction } from '#common';
import type {
  AccountKind,
  OrgKind,
  RegionLevel,
  ReviewStage,
  SmsPurpose,
  SupervisorRequestStatus,
  TitleLevel,
  UnitLevel,
  UnitNature,
} from '#common';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type Id = Generated<number>;

export interface AccountTable {
  id: Id;
  kind: AccountKind;
  /** What the person types in 用户名/手机号/社会信用代码: a unit's credit code, an admin's or reviewer's user name. */
  login_name: string;
  display_name: string;
  phone: string | null;
  password_hash: string;
  must_change_password: Generated<boolean>;
  failed_login_count: Generated<number>;
  locked_at: Timestamp | null;
  password_changed_at: Timestamp;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface UnitTable {
  id: Id;
  account_id: number;
  name: string;
  credit_code: string;
  contact_name: string;
  contact_phone: string;
  created_at: Timestamp;
  updated_at: Timestamp;
  nature: UnitNature | null;
  level: UnitLevel | null;
  region_code: string | null;
  fax: string | null;
  address: string | null;
  remark: string | null;
  license_file_id: number | null;
  info_updated_at: Timestamp | null;
}

export interface SessionTable {
  /** SHA-256 of the cookie's token: a leaked table row cannot be replayed as a cookie. */
  id: string;
  account_id: number;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
  ended_at: Timestamp | null;
  ip: string | null;
  user_agent: string | null;
}

export interface CaptchaTable {
  id: string;
  answer: string;
  created_at: Timestamp;
  expires_at: Timestamp;
}

export interface SmsCodeTable {
  id: Id;
  phone: string;
  purpose: SmsPurpose;
  code_hash: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  used_at: Timestamp | null;
  failed_attempts: Generated<number>;
}

export interface SmsOutboxTable {
  id: Id;
  phone: string;
  content: string;
  provider: string;
  created_at: Timestamp;
}

export interface OutboxEventTable {
  id: Id;
  type: string;
  payload: ColumnType<unknown, string, string>;
  occurred_at: Timestamp;
  processed_at: Timestamp | null;
}

export interface NoticeTemplateTable {
  code: string;
  content: string;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface NoticeDeliveryTable {
  id: Id;
  event_id: number;
  channel: 'sms';
  recipient_account_id: number;
  params: ColumnType<Record<string, string>, string, string>;
  status: 'pending' | 'sent' | 'failed';
  attempts: Generated<number>;
  next_attempt_at: Timestamp;
  last_error: string | null;
  created_at: Timestamp;
  finished_at: Timestamp | null;
}

export interface AuditLogTable {
  id: Id;
  occurred_at: Timestamp;
  actor_account_id: number | null;
  actor_role: string | null;
  action: string;
  object_type: string | null;
  object_id: string | null;
  ip: string | null;
  outcome: 'success' | 'failure';
  detail: ColumnType<Record<string, unknown>, string, never>;
}

export interface RateLimitTable {
  key: string;
  window_started_at: Timestamp;
  count: number;
}

export interface DemoCredentialTable {
  id: Id;
  kind: AccountKind;
  username: string;
  password: string;
  note: string;
}

export interface RegionTable {
  code: string;
  name: string;
  full_name: string;
  level: RegionLevel;
  parent_code: string | null;
}

export interface SeriesTable {
  code: string;
  name: string;
  sort_order: number;
}

export interface TitleTable {
  id: Id;
  series_code: string;
  name: string;
  level: TitleLevel;
  grade_label: string;
  sort_order: number;
}

export interface SpecialtyTable {
  id: Id;
  parent_id: number | null;
  depth: number;
  name: string;
  /** 一级学科—二级学科—三级学科, what the search matches and shows. */
  path_name: string;
  created_at: Timestamp;
  created_by: number | null;
}

export interface StoredFileTable {
  id: Id;
  storage_key: string;
  original_name: string;
  content_type: string;
  size_bytes: number;
  sha256: string;
  owner_account_id: number;
  purpose: string;
  created_at: Timestamp;
}

export interface SupervisorTable {
  id: Id;
  name: string;
  region_code: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  /** 停用: kept for what already uses it, no longer offered for new choices. */
  disabled_at: Timestamp | null;
}

export interface HrBureauTable {
  id: Id;
  name: string;
  region_code: string;
  created_at: Timestamp;
  updated_at: Timestamp;
  /** 停用: kept for what already uses it, no longer offered for new choices. */
  disabled_at: Timestamp | null;
}

export interface CommitteeTable {
  id: Id;
  name: string;
  series_code: string;
  title_levels: ColumnType<TitleLevel[], string, string>;
  print_from_stage: ReviewStage;
  notice: Generated<string>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface CommitteeBatchTable {
  id: Id;
  committee_id: number;
  year: number;
  opens_at: Timestamp;
  closes_at: Timestamp;
  correction_closes_at: Timestamp | null;
  notice: Generated<string>;
  created_at: Timestamp;
  updated_at: Timestamp;
  /** 停用: kept for what already uses it, no longer offered for new choices. */
  disabled_at: Timestamp | null;
}

export interface ReviewerTable {
  account_id: number;
  org_kind: OrgKind;
  supervisor_id: number | null;
  hr_bureau_id: number | null;
  committee_id: number | null;
}

export interface UnitSupervisorTable {
  id: Id;
  unit_id: number;
  supervisor_id: number;
  is_default: Generated<boolean>;
  status: SupervisorRequestStatus;
  submitted_at: Timestamp;
  decided_at: Timestamp | null;
  decided_by: number | null;
  opinion: string | null;
}

export interface MessageTable {
  id: Id;
  recipient_account_id: number;
  sender_account_id: number | null;
  sender_kind: AccountKind | 'system';
  /** The organisation a reviewer sent it for; null for a unit, a person or the system. */
  sender_org_name: string | null;
  content: string;
  created_at: Timestamp;
  read_at: Timestamp | null;
}

export interface ApplicantTable {
  account_id: number;
  name: string;
  id_number: string;
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
  submitted_at: Timestamp | null;
  /** Who holds it now (derived from route and stage, kept for the desks' index). */
  holder_kind: 'unit' | OrgKind | null;
  holder_org_id: number | null;
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

export interface Database {
  application: ApplicationTable;
  attachment: AttachmentTable;
  review_log: ReviewLogTable;
  applicant: ApplicantTable;
  region: RegionTable;
  series: SeriesTable;
  title: TitleTable;
  specialty: SpecialtyTable;
  stored_file: StoredFileTable;
  supervisor: SupervisorTable;
  hr_bureau: HrBureauTable;
  committee: CommitteeTable;
  committee_batch: CommitteeBatchTable;
  reviewer: ReviewerTable;
  unit_supervisor: UnitSupervisorTable;
  message: MessageTable;
  account: AccountTable;
  unit: UnitTable;
  session: SessionTable;
  captcha: CaptchaTable;
  sms_code: SmsCodeTable;
  sms_outbox: SmsOutboxTable;
  outbox_event: OutboxEventTable;
  notice_template: NoticeTemplateTable;
  notice_delivery: NoticeDeliveryTable;
  audit_log: AuditLogTable;
  rate_limit: RateLimitTable;
  demo_credential: DemoCredentialTable;
}

export type AccountRow = Selectable<AccountTable>;
export type NewAccount = Insertable<AccountTable>;
export type AccountUpdate = Updateable<AccountTable>;
export type UnitRow = Selectable<UnitTable>;
