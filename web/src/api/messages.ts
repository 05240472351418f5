import { messagesContract, type InboxRow, type MessageQuery } from '#common';
import { clientOf } from './client';

export type { InboxRow, MessageQuery, SentRow } from '#common';
export type SenderKind = InboxRow['senderKind'];

const messages = clientOf(messagesContract);

export const messagesApi = {
  inbox: (query: MessageQuery) => messages.inbox({ query }),
  unreadCount: () => messages.unreadCount(),
  markRead: (id: string) => messages.markRead({ params: { id } }),
  sent: (query: MessageQuery) => messages.sent({ query }),
};
