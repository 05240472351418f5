import type { ColumnType, Generated } from 'kysely';
import type { OrgKind, ReviewStage, SupervisorRequestStatus, TitleLevel } from '#common';
import type { Timestamp, Id } from './columns';

/** The reviewing organisations, their batches and accounts, and the units they supervise. */

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
  /** 导出PDF binds the attachments after the form unless the printer chooses otherwise. */
  pdf_with_attachments: Generated<boolean>;
  /** The voting rule (法定人数, 通过比例) and the 公示's working days. */
  quorum_num: Generated<number>;
  quorum_den: Generated<number>;
  pass_num: Generated<number>;
  pass_den: Generated<number>;
  notice_working_days: Generated<number>;
  /** 评审结果确认部门: the committee's own review runs in the system only with one. */
  confirming_bureau_id: number | null;
  /** Whether its route holds 评委会办公室审核 and 专业组初审 (with a confirming bureau). */
  office_review: Generated<boolean>;
  group_review: Generated<boolean>;
  /** 证书编号规则 (common/src/committee/certificate-number.ts). */
  certificate_pattern: Generated<string>;
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
