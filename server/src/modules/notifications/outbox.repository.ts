import type { Executor } from '../../db/database';
import { personalData } from '../../db/personal-data';
import type { NoticeEvent } from './notice-event';

/** Writes an event to the outbox; pass the transaction of the change it tells about, so both land or neither. */
export async function publish(trx: Executor, at: Date, event: NoticeEvent): Promise<void> {
  await trx
    .insertInto('outbox_event')
    .values({ type: event.type, payload: JSON.stringify(event), occurred_at: at })
    .execute();
}

/** Whether any event waits: one indexed look before opening a transaction for nothing. */
export async function hasPendingEvents(db: Executor): Promise<boolean> {
  const row = await db
    .selectFrom('outbox_event')
    .select('id')
    .where('processed_at', 'is', null)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Locks the oldest pending events for this transaction; another notifier skips them, so no event is
 * processed twice however many servers run.
 */
export async function claimPendingEvents(trx: Executor, limit: number) {
  const rows = await trx
    .selectFrom('outbox_event')
    .select(['id', 'payload', 'occurred_at'])
    .where('processed_at', 'is', null)
    .orderBy('id')
    .limit(limit)
    .forUpdate()
    .skipLocked()
    .execute();
  return rows.map((r) => ({ id: r.id, event: r.payload as NoticeEvent, occurredAt: r.occurred_at }));
}

export async function markProcessed(trx: Executor, ids: number[], at: Date): Promise<void> {
  if (ids.length) await trx.updateTable('outbox_event').set({ processed_at: at }).where('id', 'in', ids).execute();
}

export async function noticeTemplates(db: Executor): Promise<Map<string, string>> {
  const rows = await db.selectFrom('notice_template').select(['code', 'content']).execute();
  return new Map(rows.map((r) => [r.code, r.content]));
}

/** The accounts that work at a stage's desk: the unit's own account, or every reviewer of the organisation. */
export async function deskAccounts(db: Executor, holder: string, orgId: number): Promise<number[]> {
  if (holder === 'unit') {
    const unit = await db.selectFrom('unit').select('account_id').where('id', '=', orgId).executeTakeFirst();
    return unit ? [unit.account_id] : [];
  }
  const column =
    holder === 'supervisor' ? 'supervisor_id' : holder === 'hrBureau' ? 'hr_bureau_id' : ('committee_id' as const);
  const rows = await db
    .selectFrom('reviewer')
    .select('account_id')
    .where(column, '=', orgId)
    .orderBy('account_id')
    .execute();
  return rows.map((r) => r.account_id);
}

export async function insertSmsDelivery(
  trx: Executor,
  at: Date,
  delivery: { eventId: number; recipientAccountId: number; params: Record<string, string> },
): Promise<number | undefined> {
  const row = await trx
    .insertInto('notice_delivery')
    .values({
      event_id: delivery.eventId,
      channel: 'sms',
      recipient_account_id: delivery.recipientAccountId,
      params: JSON.stringify(delivery.params),
      status: 'pending',
      next_attempt_at: at,
      created_at: at,
    })
    .onConflict((oc) => oc.constraint('notice_delivery_once').doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id;
}

/**
 * Claims due SMS deliveries for one notifier: each claimed row counts an attempt and is hidden from
 * the others for `leaseMs`, so a delivery is sent by one notifier at a time.
 */
export async function claimDueDeliveries(
  db: Executor,
  now: Date,
  limit: number,
  leaseMs: number,
  only?: readonly number[],
) {
  return db
    .updateTable('notice_delivery')
    .set((eb) => ({ attempts: eb('attempts', '+', 1), next_attempt_at: new Date(now.getTime() + leaseMs) }))
    .where('id', 'in', (eb) =>
      eb
        .selectFrom('notice_delivery')
        .select('id')
        .where('status', '=', 'pending')
        .where('next_attempt_at', '<=', now)
        .$if(only !== undefined, (q) => q.where('id', 'in', only!.length ? only! : [-1]))
        .orderBy('next_attempt_at')
        .orderBy('id')
        .limit(limit)
        .forUpdate()
        .skipLocked(),
    )
    .returning(['id', 'recipient_account_id', 'params', 'attempts'])
    .execute();
}

export async function phoneOf(db: Executor, accountId: number): Promise<string | null> {
  const row = await db.selectFrom('account').select('phone').where('id', '=', accountId).executeTakeFirst();
  return personalData(db).openOrNull(row?.phone ?? null);
}

export async function finishDelivery(
  db: Executor,
  id: number,
  outcome: { status: 'sent' | 'failed'; at: Date; error?: string },
): Promise<void> {
  await db
    .updateTable('notice_delivery')
    .set({ status: outcome.status, finished_at: outcome.at, last_error: outcome.error ?? null })
    .where('id', '=', id)
    .execute();
}

export async function retryDeliveryAt(db: Executor, id: number, at: Date, error: string): Promise<void> {
  await db
    .updateTable('notice_delivery')
    .set({ next_attempt_at: at, last_error: error })
    .where('id', '=', id)
    .execute();
}
