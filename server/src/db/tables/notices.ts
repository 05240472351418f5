import type { ColumnType, Generated } from 'kysely';
import type { AccountKind } from '#common';
import type { Timestamp, Id } from './columns';

/** What is told and what is recorded: the outbox, notice templates and deliveries, messages, the audit log. */

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
  /** The row's place in the audit chain; null for rows written before the chain began. */
  seq: ColumnType<number | null, number | undefined, never>;
  /** HMAC-SHA256 (or SHA-256 without AUDIT_CHAIN_KEY) over the previous row's hash and this row. */
  row_hash: string | null;
}
