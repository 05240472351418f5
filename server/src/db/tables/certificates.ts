import type { TitleLevel } from '#common';
import type { Timestamp, Id } from './columns';

/** 专业技术资格电子证书 and the counters of their numbers. */

export interface CertificateTable {
  id: Id;
  application_id: number;
  committee_id: number;
  /** 证书编号, unique over all committees. */
  number: string;
  holder_name: string;
  series_name: string;
  title_name: string;
  title_level: TitleLevel;
  /** 取得资格时间, 'YYYY-MM-DD' (dates without time are read as text on both engines). */
  qualified_on: string;
  /** 文号 of the HR department's confirmation. */
  document_number: string;
  issued_at: Timestamp;
  revoked_at: Timestamp | null;
  revoked_reason: string | null;
  revoked_by_account_id: number | null;
}
export interface CertificateCounterTable {
  /** The number with all but its sequence filled in (certificateNumberStem). */
  stem: string;
  last_seq: number;
}
