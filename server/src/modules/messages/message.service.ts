import { sql } from 'kysely';
import type { Clock } from '../../clock';
import type { Db } from '../../db/database';
import { notFound } from '../../http/app-error';
import { contains } from '../../db/contains';

/** The sender as the recipient sees them: the system, a unit by its name, a person or reviewer by theirs. */
const senderName = sql<string>`case when message.sender_kind = 'system' then '系统通知' else coalesce(sender.display_name, '系统通知') end`;

/** 消息中心 (manual §6): 我的消息 and 已发消息 of one account. */
export function createMessageService(db: Db, clock: Clock) {
  return {
    async inbox(
      accountId: number,
      query: { keyword?: string; unread?: 'true' | 'false'; page: number; pageSize: number },
    ) {
      let q = db
        .selectFrom('message')
        .leftJoin('account as sender', 'sender.id', 'message.sender_account_id')
        .where('message.recipient_account_id', '=', accountId);
      if (query.keyword) q = q.where('message.content', 'like', contains(query.keyword));
      if (query.unread) q = q.where('message.read_at', query.unread === 'true' ? 'is' : 'is not', null);
      const [rows, count, unread] = await Promise.all([
        q
          .select([
            'message.id',
            'message.sender_kind',
            'message.content',
            'message.read_at',
            'message.created_at',
            senderName.as('sender_name'),
          ])
          .orderBy('message.created_at', 'desc')
          .orderBy('message.id', 'desc')
          .limit(query.pageSize)
          .offset((query.page - 1) * query.pageSize)
          .execute(),
        q.select(sql<number>`count(*)::int`.as('total')).executeTakeFirstOrThrow(),
        this.unreadCount(accountId),
      ]);
      return {
        items: rows.map((r) => ({
          id: String(r.id),
          senderName: r.sender_name,
          senderKind: r.sender_kind,
          content: r.content,
          read: r.read_at !== null,
          sentAt: r.created_at.toISOString(),
        })),
        total: count.total,
        page: query.page,
        pageSize: query.pageSize,
        unread,
      };
    },

    async unreadCount(accountId: number): Promise<number> {
      const row = await db
        .selectFrom('message')
        .select(sql<number>`count(*)::int`.as('n'))
        .where('recipient_account_id', '=', accountId)
        .where('read_at', 'is', null)
        .executeTakeFirstOrThrow();
      return row.n;
    },

    /** Opening a message marks it read; only its recipient can. */
    async markRead(accountId: number, messageId: number) {
      const row = await db
        .selectFrom('message')
        .select(['id', 'read_at'])
        .where('id', '=', messageId)
        .where('recipient_account_id', '=', accountId)
        .executeTakeFirst();
      if (!row) throw notFound('消息不存在');
      if (!row.read_at)
        await db.updateTable('message').set({ read_at: clock.now() }).where('id', '=', row.id).execute();
    },

    async sent(accountId: number, query: { keyword?: string; page: number; pageSize: number }) {
      let q = db
        .selectFrom('message')
        .innerJoin('account as recipient', 'recipient.id', 'message.recipient_account_id')
        .leftJoin('account as sender', 'sender.id', 'message.sender_account_id')
        .where('message.sender_account_id', '=', accountId);
      if (query.keyword) {
        const like = contains(query.keyword);
        q = q.where((eb) => eb.or([eb('message.content', 'like', like), eb('recipient.display_name', 'like', like)]));
      }
      const [rows, count] = await Promise.all([
        q
          .select([
            'message.id',
            'recipient.display_name as recipient_name',
            'message.sender_kind',
            'message.content',
            'message.read_at',
            'message.created_at',
            senderName.as('sender_name'),
          ])
          .orderBy('message.created_at', 'desc')
          .orderBy('message.id', 'desc')
          .limit(query.pageSize)
          .offset((query.page - 1) * query.pageSize)
          .execute(),
        q.select(sql<number>`count(*)::int`.as('total')).executeTakeFirstOrThrow(),
      ]);
      return {
        items: rows.map((r) => ({
          id: String(r.id),
          recipientName: r.recipient_name,
          senderName: r.sender_name,
          senderKind: r.sender_kind,
          content: r.content,
          read: r.read_at !== null,
          sentAt: r.created_at.toISOString(),
        })),
        total: count.total,
        page: query.page,
        pageSize: query.pageSize,
      };
    },
  };
}

export type MessageService = ReturnType<typeof createMessageService>;
