import type { Clock } from '../../clock';
import type { Db } from '../../db/database';
import type { Actor } from '../../domain/actor';
import { notFound } from '../../domain/app-error';
import type { PageRequest } from '../../db/paginate';
import * as messages from './message.repository';
import { presentReceived, presentSent } from './message.presenter';

/** 消息中心 (manual §6): 我的消息 and 已发消息 of one account; nobody reads another's. */
export function createMessageService(db: Db, clock: Clock) {
  return {
    async inbox(actor: Actor, query: PageRequest & { keyword?: string; unread?: 'true' | 'false' }) {
      const [page, unread] = await Promise.all([
        messages.inboxPage(db, actor.accountId, query, query),
        messages.unreadCount(db, actor.accountId),
      ]);
      return {
        items: page.rows.map(presentReceived),
        total: page.total,
        page: query.page,
        pageSize: query.pageSize,
        nextCursor: page.nextCursor,
        unread,
      };
    },

    unreadCount: (actor: Actor) => messages.unreadCount(db, actor.accountId),

    /** Opening a message marks it read; only its recipient can. */
    async markRead(actor: Actor, messageId: number) {
      const row = await messages.findReceived(db, actor.accountId, messageId);
      if (!row) throw notFound('消息不存在');
      if (!row.read_at) await messages.markRead(db, row.id, clock.now());
    },

    async sent(actor: Actor, query: PageRequest & { keyword?: string }) {
      const page = await messages.sentPage(db, actor.accountId, query, query);
      return {
        items: page.rows.map(presentSent),
        total: page.total,
        page: query.page,
        pageSize: query.pageSize,
        nextCursor: page.nextCursor,
      };
    },
  };
}

export type MessageService = ReturnType<typeof createMessageService>;
