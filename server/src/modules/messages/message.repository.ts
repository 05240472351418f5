import { sql } from 'kysely';
import type { AccountKind } from '#common';
import type { Executor } from '../../db/database';
import { contains } from '../../db/contains';
import { paginate, type PageRequest } from '../../db/paginate';

export interface NewMessage {
  recipientAccountId: number;
  senderAccountId: number | null;
  senderKind: AccountKind | 'system';
  /** The organisation a reviewer acts for; the recipient reads it as the sender. */
  senderOrgName?: string | null;
  content: string;
}

/** Leaves a message in the recipient's 我的消息; pass the transaction of the event it tells about. */
export async function insertMessage(db: Executor, at: Date, message: NewMessage): Promise<void> {
  await db
    .insertInto('message')
    .values({
      recipient_account_id: message.recipientAccountId,
      sender_account_id: message.senderAccountId,
      sender_kind: message.senderKind,
      sender_org_name: message.senderOrgName ?? null,
      content: message.content,
      created_at: at,
    })
    .execute();
}

/**
 * The sender as the recipient sees them: the system, a reviewer by the organisation they acted for, a unit
 * by its name, a person by theirs.
 */
const senderName = sql<string>`case when message.sender_kind = 'system' then '系统通知' else coalesce(message.sender_org_name, sender.display_name, '系统通知') end`;
const newestFirst = { sort: 'message.created_at', id: 'message.id' } as const;

export function inboxPage(
  db: Executor,
  accountId: number,
  filter: { keyword?: string; unread?: 'true' | 'false' },
  page: PageRequest,
) {
  let q = db
    .selectFrom('message')
    .leftJoin('account as sender', 'sender.id', 'message.sender_account_id')
    .where('message.recipient_account_id', '=', accountId);
  if (filter.keyword) q = q.where('message.content', 'like', contains(filter.keyword));
  if (filter.unread) q = q.where('message.read_at', filter.unread === 'true' ? 'is' : 'is not', null);
  return paginate(
    q,
    page,
    (rows) =>
      rows.select([
        'message.id',
        'message.sender_kind',
        'message.content',
        'message.read_at',
        'message.created_at',
        senderName.as('sender_name'),
      ]),
    { ...newestFirst, keyOf: (r) => ({ sort: r.created_at, id: r.id }) },
  );
}

export function sentPage(db: Executor, accountId: number, filter: { keyword?: string }, page: PageRequest) {
  let q = db
    .selectFrom('message')
    .innerJoin('account as recipient', 'recipient.id', 'message.recipient_account_id')
    .leftJoin('account as sender', 'sender.id', 'message.sender_account_id')
    .where('message.sender_account_id', '=', accountId);
  if (filter.keyword) {
    const like = contains(filter.keyword);
    q = q.where((eb) => eb.or([eb('message.content', 'like', like), eb('recipient.display_name', 'like', like)]));
  }
  return paginate(
    q,
    page,
    (rows) =>
      rows.select([
        'message.id',
        'recipient.display_name as recipient_name',
        'message.sender_kind',
        'message.content',
        'message.read_at',
        'message.created_at',
        senderName.as('sender_name'),
      ]),
    { ...newestFirst, keyOf: (r) => ({ sort: r.created_at, id: r.id }) },
  );
}

export async function unreadCount(db: Executor, accountId: number): Promise<number> {
  const row = await db
    .selectFrom('message')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('recipient_account_id', '=', accountId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return row.n;
}

export function findReceived(db: Executor, accountId: number, messageId: number) {
  return db
    .selectFrom('message')
    .select(['id', 'read_at'])
    .where('id', '=', messageId)
    .where('recipient_account_id', '=', accountId)
    .executeTakeFirst();
}

export async function markRead(db: Executor, messageId: number, at: Date): Promise<void> {
  await db
    .updateTable('message')
    .set({ read_at: at })
    .where('id', '=', messageId)
    .where('read_at', 'is', null)
    .execute();
}
