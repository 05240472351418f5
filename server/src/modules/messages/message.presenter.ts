import type { AccountKind } from '#common';

interface MessageRow {
  id: number;
  sender_name: string;
  sender_kind: AccountKind | 'system';
  content: string;
  read_at: Date | null;
  created_at: Date;
}

export const presentReceived = (r: MessageRow) => ({
  id: String(r.id),
  senderName: r.sender_name,
  senderKind: r.sender_kind,
  content: r.content,
  read: r.read_at !== null,
  sentAt: r.created_at.toISOString(),
});

export const presentSent = (r: MessageRow & { recipient_name: string }) => ({
  ...presentReceived(r),
  recipientName: r.recipient_name,
});
