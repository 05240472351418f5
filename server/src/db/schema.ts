import type { Insertable, Selectable, Updateable } from 'kysely';
import type {
  AccountTable,
  UnitTable,
  SessionTable,
  CaptchaTable,
  SmsCodeTable,
  SmsOutboxTable,
  RateLimitTable,
  DemoCredentialTable,
  UnknownLoginTable,
  TwoFactorTable,
  RecoveryCodeTable,
  LoginChallengeTable,
} from './tables/accounts';
import type {
  OutboxEventTable,
  NoticeTemplateTable,
  NoticeDeliveryTable,
  MessageTable,
  AuditLogTable,
} from './tables/notices';
import type { RegionTable, SeriesTable, TitleTable, SpecialtyTable, StoredFileTable } from './tables/reference';
import type {
  SupervisorTable,
  HrBureauTable,
  CommitteeTable,
  CommitteeBatchTable,
  ReviewerTable,
  UnitSupervisorTable,
} from './tables/organisations';
import type {
  ApplicantTable,
  ApplicationTable,
  AttachmentTable,
  DeskCountTable,
  DeskRecordTable,
  PrintRecordTable,
  ReviewLogTable,
} from './tables/applications';
import type {
  ExpertTable,
  ExpertConflictTable,
  MeetingTable,
  MeetingMemberTable,
  MeetingAgendaTable,
  BallotCastTable,
  BallotTable,
  PublicNoticeTable,
  NoticeEntryTable,
  ObjectionTable,
  ResultConfirmationTable,
} from './tables/committee-work';
import type { CertificateTable, CertificateCounterTable } from './tables/certificates';

// The tables live in tables/, one file an area; this file names the database and the row types.
export type {
  AccountTable,
  ApplicantTable,
  ApplicationTable,
  AttachmentTable,
  PrintRecordTable,
  CertificateTable,
  CertificateCounterTable,
  AuditLogTable,
  CaptchaTable,
  CommitteeBatchTable,
  CommitteeTable,
  DemoCredentialTable,
  HrBureauTable,
  MessageTable,
  NoticeDeliveryTable,
  NoticeTemplateTable,
  OutboxEventTable,
  RateLimitTable,
  RegionTable,
  ReviewLogTable,
  ReviewerTable,
  SeriesTable,
  SessionTable,
  SmsCodeTable,
  SmsOutboxTable,
  SpecialtyTable,
  StoredFileTable,
  SupervisorTable,
  TitleTable,
  UnitSupervisorTable,
  UnitTable,
  UnknownLoginTable,
  TwoFactorTable,
  RecoveryCodeTable,
  LoginChallengeTable,
};

export interface Database {
  application: ApplicationTable;
  desk_count: DeskCountTable;
  desk_record: DeskRecordTable;
  attachment: AttachmentTable;
  review_log: ReviewLogTable;
  print_record: PrintRecordTable;
  certificate: CertificateTable;
  certificate_counter: CertificateCounterTable;
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
  unknown_login: UnknownLoginTable;
  two_factor: TwoFactorTable;
  recovery_code: RecoveryCodeTable;
  login_challenge: LoginChallengeTable;
  expert: ExpertTable;
  expert_conflict: ExpertConflictTable;
  meeting: MeetingTable;
  meeting_member: MeetingMemberTable;
  meeting_agenda: MeetingAgendaTable;
  ballot_cast: BallotCastTable;
  ballot: BallotTable;
  public_notice: PublicNoticeTable;
  notice_entry: NoticeEntryTable;
  objection: ObjectionTable;
  result_confirmation: ResultConfirmationTable;
}

export type AccountRow = Selectable<AccountTable>;
export type NewAccount = Insertable<AccountTable>;
export type AccountUpdate = Updateable<AccountTable>;
export type UnitRow = Selectable<UnitTable>;
