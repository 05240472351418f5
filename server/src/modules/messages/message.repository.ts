import type { AccountKind } from '#common';
import type { Db } from '../../db/database';

/** Leaves a message in the recipient's 我的消息; pass the transaction of the event it tells about. */
export async function sendMessage(
  db: Db,
  at: Date,
  message: {
    recipientAccountId: number;
    senderAccountId: number | null;
    senderKind: AccountKind | 'system';
    content: string;
  },
): Promise<void> {
  await db
    .insertInto('message')
    .values({
      recipient_account_id: message.recipientAccountId,
      sender_account_id: message.senderAccountId,
      sender_kind: message.senderKind,
      content: message.content,
      created_at: at,
    })
    .execute();
}
