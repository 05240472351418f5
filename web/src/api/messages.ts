import type { AccountKind } from '#common';
import type { Paged } from './admin';
import { http } from './http';

export type SenderKind = AccountKind | 'system';

export interface InboxRow {
  id: string;
  senderName: string;
  senderKind: SenderKind;
  content: string;
  read: boolean;
  sentAt: string;
}

export interface SentRow {
  id: string;
  recipientName: string;
  senderName: string;
  senderKind: SenderKind;
  content: string;
  read: boolean;
  sentAt: string;
}

export interface MessageQuery {
  keyword?: string;
  unread?: 'true' | 'false';
  page: number;
  pageSize: number;
}

export const messagesApi = {
  inbox: (query: MessageQuery) => http.get<Paged<InboxRow> & { unread: number }>('/messages/inbox', { ...query }),
  unreadCount: () => http.get<{ unread: number }>('/messages/unread-count'),
  markRead: (id: string) => http.post<{ ok: true }>(`/messages/${encodeURIComponent(id)}/read`),
  sent: (query: MessageQuery) => http.get<Paged<SentRow>>('/messages/sent', { ...query }),
};
